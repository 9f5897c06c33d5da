package ae.rta.cctv.api;

import static org.assertj.core.api.Assertions.assertThat;

import ae.rta.cctv.common.security.ServiceCredentials;
import ae.rta.cctv.testsupport.Ffmpeg;
import ae.rta.cctv.testsupport.ServiceHttp;
import ae.rta.cctv.testsupport.TestEngines;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Acceptance 4 across the api, metadata and storage services: footage linked to an incident survives a retention
 * sweep while the incident is open; once it is closed the next sweep deletes it.
 */
final class EvidenceHoldRoutesTest {

    private final ApiSystem system = ApiSystem.get();

    private String camera(String agency) {
        return ApiSystem.json(system.get("/api/v1/cameras?agency=" + agency, system.token("admin"))).get("items").get(2)
                .get("id").asString();
    }

    private void importThreeMinutes(String camera, Instant start) throws Exception {
        Path file = Files.createTempDirectory("hold-routes").resolve("three-minutes.mp4");
        Process p = new ProcessBuilder(Ffmpeg.ffmpeg().toString(), "-hide_banner", "-loglevel", "error", "-y", "-f", "lavfi",
                "-i", "testsrc2=size=320x180:rate=25", "-t", "180", "-c:v", "libx264", "-preset", "ultrafast", "-g", "25",
                "-keyint_min", "25", "-sc_threshold", "0", "-f", "mp4", file.toString()).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor()).as(output).isZero();
        HttpResponse<String> imported = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                        + ApiSystem.port(system.api) + "/api/v1/cameras/" + camera + "/recordings/import?start=" + start))
                .header("Authorization", "Bearer " + system.token("admin")).header("Content-Type", "video/mp4")
                .POST(HttpRequest.BodyPublishers.ofFile(file)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(201);
    }

    private List<JsonNode> recorded(String camera, Instant start) {
        JsonNode r = ApiSystem.json(system.get("/api/v1/cameras/" + camera + "/recordings?start=" + start + "&end="
                + start.plusSeconds(180), system.token("admin")));
        List<JsonNode> ranges = new java.util.ArrayList<>();
        r.get("ranges").forEach(ranges::add);
        return ranges;
    }

    private void sweep() {
        ServiceHttp storage = new ServiceHttp(ApiSystem.port(system.storage));
        ServiceHttp.Response r = storage.send("POST", "/internal/retention/sweep", null, Map.of("Authorization", "Bearer "
                + new ServiceCredentials("api", TestEngines.SERVICE_SECRET, Clock.systemUTC()).token()));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
    }

    @Test
    void linkedFootageSurvivesARetentionSweepWhileItsIncidentIsOpen() throws Exception {
        String camera = camera("DUBAI_POLICE");
        String operator = system.token("police.operator");
        Instant start = Instant.now().minus(Duration.ofDays(45)).truncatedTo(ChronoUnit.MINUTES);
        // the incident comes first, so that no sweep can fall between the footage arriving and its hold
        Instant heldFrom = start.plusSeconds(60);
        Instant heldTo = start.plusSeconds(120);
        ServiceHttp.Response opened = system.call("POST", "/api/v1/incidents", operator, ApiSystem.JSON.writeValueAsString(Map.of(
                "title", "Hit and run at the interchange", "cameraIds", List.of(camera), "start", heldFrom.toString(),
                "end", heldTo.toString())));
        assertThat(opened.status()).as(opened.body()).isEqualTo(201);
        String incident = ApiSystem.json(opened).get("id").asString();
        importThreeMinutes(camera, start);
        assertThat(recorded(camera, start)).hasSize(1);

        sweep();
        List<JsonNode> kept = recorded(camera, start);
        assertThat(kept).as("past retention, only the linked minute is left").hasSize(1);
        assertThat(Instant.parse(kept.get(0).get("start").asString())).isEqualTo(heldFrom);
        assertThat(Instant.parse(kept.get(0).get("end").asString())).isEqualTo(heldTo);

        ServiceHttp.Response closed = system.call("PATCH", "/api/v1/incidents/" + incident, operator, "{\"status\":\"CLOSED\"}");
        assertThat(closed.status()).as(closed.body()).isEqualTo(200);
        sweep();
        assertThat(recorded(camera, start)).as("closed, the footage goes with retention").isEmpty();
    }
}
