package ae.rta.cctv.storage.adapter.in.web;

import static org.assertj.core.api.Assertions.assertThat;

import ae.rta.cctv.common.security.ServiceCredentials;
import ae.rta.cctv.storage.SegmentFiles;
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
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=cctv-common,storage", "spring.application.name=storage"})
final class FootageImportTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static Path dir;
    private static Path mp4;
    private static Path ts;

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient db;

    @DynamicPropertySource
    static void engines(DynamicPropertyRegistry registry) throws Exception {
        TestEngines.registerPostgres(registry);
        Path data = Files.createTempDirectory("import-test");
        registry.add("cctv.data-dir", data::toString);
    }

    @BeforeAll
    static void files() throws Exception {
        dir = Files.createTempDirectory("import-files");
        mp4 = SegmentFiles.longRecording(dir, "ten-minutes.mp4", 10, "320x180", "mp4");
        ts = SegmentFiles.longRecording(dir, "three-minutes.ts", 3, "320x180", "mpegts");
    }

    private HttpResponse<String> importFile(String camera, Instant start, Path file, String type) throws Exception {
        String token = new ServiceCredentials("api", TestEngines.SERVICE_SECRET, Clock.systemUTC()).token();
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                        + "/internal/cameras/" + camera + "/recordings/import?start=" + start))
                .header("Authorization", "Bearer " + token).header("Content-Type", type).expectContinue(true)
                .POST(HttpRequest.BodyPublishers.ofFile(file)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private long rows() {
        return db.sql("SELECT count(*) FROM segment").query(Long.class).single();
    }

    @Test
    void aTenMinuteMp4BecomesTenIndexedMinuteSegmentsAndTheSameRangeCannotBeImportedTwice() throws Exception {
        String camera = UUID.randomUUID().toString();
        Instant start = Instant.parse("2026-11-20T06:00:00Z");
        HttpResponse<String> imported = importFile(camera, start, mp4, "video/mp4");
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(201);
        JsonNode body = JSON.readTree(imported.body());
        assertThat(body.get("segments").asInt()).isEqualTo(10);
        assertThat(Duration.between(start, Instant.parse(body.get("end").asString())).toSeconds()).isBetween(599L, 601L);

        String token = new ServiceCredentials("api", TestEngines.SERVICE_SECRET, Clock.systemUTC()).token();
        JsonNode recordings = JSON.readTree(new ServiceHttp(port).get("/internal/cameras/" + camera
                + "/recordings?start=2026-11-20T06:00:00Z&end=2026-11-20T06:10:00Z", Map.of("Authorization", "Bearer " + token)).body());
        assertThat(recordings.get("ranges")).hasSize(1);
        assertThat(recordings.get("coverage").asDouble()).isGreaterThan(0.99);

        long before = rows();
        HttpResponse<String> again = importFile(camera, start.plusSeconds(300), mp4, "video/mp4");
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(rows()).isEqualTo(before);
    }

    @Test
    void mpegTsIsImportedAndOtherThingsAreRefusedWithoutWriting() throws Exception {
        String camera = UUID.randomUUID().toString();
        HttpResponse<String> imported = importFile(camera, Instant.parse("2026-11-20T07:00:00Z"), ts, "video/mp2t");
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(201);
        assertThat(JSON.readTree(imported.body()).get("segments").asInt()).isEqualTo(3);

        long before = rows();
        Path text = Files.writeString(dir.resolve("notes.txt"), "not a video");
        assertThat(importFile(camera, Instant.parse("2026-11-20T09:00:00Z"), text, "video/mp4").statusCode()).isEqualTo(400);
        assertThat(importFile(camera, Instant.parse("2026-11-20T09:00:00Z"), text, "application/pdf").statusCode()).isEqualTo(415);
        assertThat(importFile(camera, Instant.parse("2026-11-20T09:00:00Z"), mp4, "video/mp4").statusCode()).as("another slot").isEqualTo(201);
        assertThat(rows()).isEqualTo(before + 10);
    }
}
