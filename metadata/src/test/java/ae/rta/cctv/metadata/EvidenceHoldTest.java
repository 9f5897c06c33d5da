package ae.rta.cctv.metadata;

import static org.assertj.core.api.Assertions.assertThat;

import ae.rta.cctv.testsupport.Ffmpeg;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * Acceptance 4, across the metadata and storage services: footage linked to an incident survives a retention sweep
 * while the incident is open, and goes with the next sweep once it is closed; reopening holds it again.
 */
final class EvidenceHoldTest {

    private final MetadataSystem system = MetadataSystem.get();
    private final String agency = system.newAgency("HOLD");

    /** Three minutes of footage of a camera, imported into storage as if recorded 40 days ago (past the 30-day default). */
    private Instant footage(String camera) throws Exception {
        Instant start = Instant.now().minus(Duration.ofDays(40)).truncatedTo(ChronoUnit.MINUTES);
        Path file = Files.createTempDirectory("hold-test").resolve("three-minutes.mp4");
        Process p = new ProcessBuilder(Ffmpeg.ffmpeg().toString(), "-hide_banner", "-loglevel", "error", "-y", "-f", "lavfi",
                "-i", "testsrc2=size=320x180:rate=25", "-t", "180", "-c:v", "libx264", "-preset", "ultrafast", "-g", "25",
                "-keyint_min", "25", "-sc_threshold", "0", "-f", "mp4", file.toString()).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor()).as(output).isZero();
        HttpResponse<String> imported = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                        + MetadataSystem.port(system.storage) + "/internal/cameras/" + camera + "/recordings/import?start=" + start))
                .header("Authorization", MetadataSystem.headers(null).get("Authorization")).header("Content-Type", "video/mp4")
                .POST(HttpRequest.BodyPublishers.ofFile(file)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(201);
        assertThat(MetadataSystem.JSON.readTree(imported.body()).get("segments").asInt()).isEqualTo(3);
        return start;
    }

    private List<String> segments(String camera, Instant from) {
        JsonNode list = MetadataSystem.JSON.readTree(system.storageHttp.get("/internal/cameras/" + camera + "/segments?start="
                + from.minusSeconds(3600) + "&end=" + from.plusSeconds(3600), MetadataSystem.headers(null)).body());
        List<String> starts = new ArrayList<>();
        list.get("items").forEach(s -> starts.add(Instant.parse(s.get("start").asString()).toString()));
        return starts;
    }

    private void sweep() {
        assertThat(system.storageHttp.send("POST", "/internal/retention/sweep", null, MetadataSystem.headers(null)).status())
                .isEqualTo(200);
    }

    private long standingHolds(String incident) {
        return system.db.sql("SELECT count(*) FROM storage.evidence_hold WHERE released_at IS NULL AND reference LIKE ?")
                .param("incident:" + incident + ":%").query(Long.class).single();
    }

    @Test
    void linkedFootageSurvivesRetentionWhileItsIncidentIsOpen() throws Exception {
        String camera = UUID.randomUUID().toString();
        Instant start = Instant.now().minus(Duration.ofDays(40)).truncatedTo(ChronoUnit.MINUTES);
        // the hold is placed before the footage arrives, so no sweep can come between them
        JsonNode incident = system.expect(201, "POST", "/internal/incidents", "p.op", Map.of("agency", agency,
                "title", "Assault on the platform", "cameraIds", List.of(camera),
                "start", start.plusSeconds(60).toString(), "end", start.plusSeconds(120).toString()));
        String id = incident.get("id").asString();
        assertThat(incident.get("footage").get(0).get("held").asBoolean()).isTrue();
        assertThat(incident.get("cameraIds").get(0).asString()).isEqualTo(camera);
        assertThat(standingHolds(id)).isEqualTo(1);
        assertThat(footage(camera)).isEqualTo(start);

        sweep();
        assertThat(segments(camera, start)).as("only the linked minute is left")
                .containsExactly(start.plusSeconds(60).toString());

        system.expect(200, "PATCH", "/internal/incidents/" + id, "p.op", Map.of("status", "CLOSED"));
        assertThat(standingHolds(id)).isZero();
        JsonNode reopened = system.expect(200, "PATCH", "/internal/incidents/" + id, "p.op", Map.of("status", "OPEN"));
        assertThat(reopened.get("footage").get(0).get("held").asBoolean()).isTrue();
        assertThat(standingHolds(id)).as("reopening holds the footage again").isEqualTo(1);
        sweep();
        assertThat(segments(camera, start)).containsExactly(start.plusSeconds(60).toString());

        JsonNode closed = system.expect(200, "PATCH", "/internal/incidents/" + id, "p.op", Map.of("status", "CLOSED"));
        assertThat(closed.get("footage").get(0).get("held").asBoolean()).isFalse();
        sweep();
        assertThat(segments(camera, start)).as("closed: the footage goes with retention").isEmpty();
    }

    @Test
    void unlinkingReleasesTheHoldAndOtherHoldsStand() {
        String camera = UUID.randomUUID().toString();
        String id = system.expect(201, "POST", "/internal/incidents", "p.op", Map.of("agency", agency, "title", "Vandalism"))
                .get("id").asString();
        JsonNode linked = system.expect(201, "POST", "/internal/incidents/" + id + "/footage", "p.op", Map.of("cameraId", camera,
                "cameraAgency", agency, "start", "2026-11-24T10:00:00Z", "end", "2026-11-24T10:05:00Z"));
        system.expect(201, "POST", "/internal/incidents/" + id + "/footage", "p.op", Map.of("cameraId", camera,
                "cameraAgency", agency, "start", "2026-11-24T11:00:00Z", "end", "2026-11-24T11:05:00Z"));
        assertThat(standingHolds(id)).isEqualTo(2);
        String first = linked.get("footage").get(0).get("id").asString();
        JsonNode after = system.expect(200, "DELETE", "/internal/incidents/" + id + "/footage/" + first, "p.op", null);
        assertThat(after.get("footage")).hasSize(1);
        assertThat(standingHolds(id)).isEqualTo(1);
        assertThat(after.get("history")).extracting(h -> h.get("change").asString())
                .containsExactly("CREATED", "FOOTAGE_LINKED", "FOOTAGE_LINKED", "FOOTAGE_UNLINKED");
    }

    @Test
    void withStorageAwayNothingIsLinkedAndAMissedReleaseIsRetried() {
        String camera = UUID.randomUUID().toString();
        Map<String, Long> before = Map.of("incident", system.count("incident"), "footage", system.count("incident_footage"));
        try (ConfigurableApplicationContext cut = system.start(Map.of("cctv.services.storage.url", "http://127.0.0.1:1"))) {
            var away = new ae.rta.cctv.testsupport.ServiceHttp(MetadataSystem.port(cut));
            var refused = away.send("POST", "/internal/incidents", MetadataSystem.JSON.writeValueAsString(Map.of("agency", agency,
                    "title", "Pickpocket", "cameraIds", List.of(camera), "start", "2026-11-24T10:00:00Z",
                    "end", "2026-11-24T10:05:00Z")), MetadataSystem.headers("p.op"));
            assertThat(refused.status()).as(refused.body()).isEqualTo(503);
            assertThat(refused.body()).contains("nothing was changed");
            assertThat(Map.of("incident", system.count("incident"), "footage", system.count("incident_footage")))
                    .isEqualTo(before);

            String id = system.expect(201, "POST", "/internal/incidents", "p.op", Map.of("agency", agency, "title", "Pickpocket",
                    "cameraIds", List.of(camera), "start", "2026-11-24T10:00:00Z", "end", "2026-11-24T10:05:00Z"))
                    .get("id").asString();
            var closed = away.send("PATCH", "/internal/incidents/" + id, "{\"status\":\"CLOSED\"}", MetadataSystem.headers("p.op"));
            assertThat(closed.status()).as("closing does not wait for storage").isEqualTo(200);
            assertThat(standingHolds(id)).as("storage missed the release").isEqualTo(1);
            assertThat(away.get("/metrics").body()).contains("cctv_metadata_holds_release_due");

            // what the once-a-minute retry does (it may also have come first)
            system.expect(200, "POST", "/internal/holds/release-due", null, null);
            assertThat(standingHolds(id)).isZero();
        }
    }
}
