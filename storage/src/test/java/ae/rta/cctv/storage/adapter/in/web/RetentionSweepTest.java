package ae.rta.cctv.storage.adapter.in.web;

import static org.assertj.core.api.Assertions.assertThat;

import ae.rta.cctv.common.security.ServiceCredentials;
import ae.rta.cctv.storage.SegmentFiles;
import ae.rta.cctv.testsupport.MutableClock;
import ae.rta.cctv.testsupport.ServiceHttp;
import ae.rta.cctv.testsupport.TestEngines;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Retention with the clock moved forward: expired footage goes, held footage stays until its hold is released. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=cctv-common,storage", "spring.application.name=storage"})
final class RetentionSweepTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TestConfiguration
    static class TestClock {
        @Bean
        MutableClock clock() {
            return new MutableClock(Instant.parse("2026-11-24T12:00:00Z"));
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    MutableClock clock;

    @DynamicPropertySource
    static void engines(DynamicPropertyRegistry registry) throws Exception {
        TestEngines.registerPostgres(registry);
        Path data = Files.createTempDirectory("retention-test");
        registry.add("cctv.data-dir", data::toString);
    }

    private Map<String, String> auth() {
        return Map.of("Authorization", "Bearer " + new ServiceCredentials("api", TestEngines.SERVICE_SECRET, clock).token(),
                "Content-Type", "application/json");
    }

    private ServiceHttp http() {
        return new ServiceHttp(port);
    }

    private JsonNode upload(String camera, Instant start, Path file) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                        + "/internal/cameras/" + camera + "/segments?start=" + start + "&recorder=r&fence=1"))
                .header("Authorization", auth().get("Authorization")).PUT(HttpRequest.BodyPublishers.ofFile(file)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return JSON.readTree(r.body());
    }

    private int segmentCount(String camera) {
        return JSON.readTree(http().get("/internal/cameras/" + camera + "/segments?start=2026-11-01T00:00:00Z&end=2026-11-30T00:00:00Z",
                auth()).body()).get("total").asInt();
    }

    @Test
    void expiredFootageIsDeletedAndHeldFootageKeptUntilItsHoldIsReleased() throws Exception {
        Path dir = Files.createTempDirectory("retention-segments");
        String camera = UUID.randomUUID().toString();
        Instant t0 = Instant.parse("2026-11-24T10:00:00Z");
        List<JsonNode> segments = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            segments.add(upload(camera, t0.plusSeconds(10L * i), SegmentFiles.make(dir, "s" + i + ".mp4", 5, i)));
        }
        assertThat(http().send("PUT", "/internal/cameras/" + camera + "/retention", "{\"days\":2}", auth()).status()).isEqualTo(200);
        ServiceHttp.Response hold = http().send("POST", "/internal/holds", JSON.writeValueAsString(Map.of("cameraId", camera,
                "start", t0.plusSeconds(12).toString(), "end", t0.plusSeconds(13).toString(), "reason", "incident 42")), auth());
        assertThat(hold.status()).as(hold.body()).isEqualTo(201);
        String holdId = JSON.readTree(hold.body()).get("id").asString();

        JsonNode early = JSON.readTree(http().send("POST", "/internal/retention/sweep", null, auth()).body());
        assertThat(early.get("deleted").asLong()).as("within retention").isZero();

        clock.advance(Duration.ofDays(3));
        JsonNode sweep = JSON.readTree(http().send("POST", "/internal/retention/sweep", null, auth()).body());
        assertThat(sweep.get("deleted").asLong()).isGreaterThanOrEqualTo(2);
        assertThat(sweep.get("heldPastRetention").asLong()).isEqualTo(1);
        assertThat(segmentCount(camera)).as("only the held segment is left").isEqualTo(1);
        assertThat(http().get("/internal/segments/" + segments.get(0).get("id").asLong(), auth()).status()).isEqualTo(404);

        String heldUrl = JSON.readTree(http().get("/internal/segments/" + segments.get(1).get("id").asLong(), auth()).body())
                .get("url").asString();
        assertThat(http().send("DELETE", "/internal/holds/" + holdId, null, auth()).status()).isEqualTo(204);
        assertThat(http().send("DELETE", "/internal/holds/" + holdId, null, auth()).status()).isEqualTo(404);
        http().send("POST", "/internal/retention/sweep", null, auth());
        assertThat(segmentCount(camera)).isZero();
        HttpResponse<String> gone = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(heldUrl)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(gone.statusCode()).as("the object is gone from the store too").isEqualTo(404);
        assertThat(http().get("/metrics").body()).contains("cctv_storage_retention_deleted_total");
    }
}
