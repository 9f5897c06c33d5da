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
final class SegmentIngestTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static Path dir;
    private static Path first;
    private static Path second;
    private static Path third;

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient db;

    @DynamicPropertySource
    static void engines(DynamicPropertyRegistry registry) throws Exception {
        TestEngines.registerPostgres(registry);
        Path data = Files.createTempDirectory("storage-test");
        registry.add("cctv.data-dir", data::toString);
    }

    @BeforeAll
    static void segments() throws Exception {
        dir = Files.createTempDirectory("segments");
        first = SegmentFiles.make(dir, "a.mp4", 10, 0);
        second = SegmentFiles.make(dir, "b.mp4", 10, 10);
        third = SegmentFiles.make(dir, "c.mp4", 10, 20);
    }

    private HttpResponse<String> put(String camera, Instant start, Path file, String sha, long fence) throws Exception {
        String token = new ServiceCredentials("recording", TestEngines.SERVICE_SECRET, Clock.systemUTC()).token();
        String query = "start=" + start + "&recorder=rec-1&fence=" + fence + (sha == null ? "" : "&sha256=" + sha);
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                        + "/internal/cameras/" + camera + "/segments?" + query)).header("Authorization", "Bearer " + token)
                .PUT(HttpRequest.BodyPublishers.ofFile(file)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private Map<String, String> auth() {
        return Map.of("Authorization", "Bearer " + new ServiceCredentials("api", TestEngines.SERVICE_SECRET, Clock.systemUTC()).token());
    }

    private long rows() {
        return db.sql("SELECT count(*) FROM segment").query(Long.class).single();
    }

    @Test
    void consecutiveSegmentsAreStoredIndexedAndMergeIntoOneRange() throws Exception {
        String camera = UUID.randomUUID().toString();
        Instant t0 = Instant.parse("2026-11-24T08:00:00Z");
        HttpResponse<String> a = put(camera, t0, first, SegmentFiles.sha256(first), 1);
        assertThat(a.statusCode()).as(a.body()).isEqualTo(201);
        JsonNode segment = JSON.readTree(a.body());
        assertThat(segment.get("end").asString()).startsWith("2026-11-24T08:00:1");
        assertThat(segment.get("codec").asString()).isEqualTo("avc1");
        Instant t1 = Instant.parse(segment.get("end").asString()).plusMillis(300);
        assertThat(put(camera, t1, second, null, 1).statusCode()).isEqualTo(201);
        assertThat(put(camera, t0, first, SegmentFiles.sha256(first), 1).statusCode()).as("a retried upload").isEqualTo(200);

        JsonNode recordings = JSON.readTree(new ServiceHttp(port).get("/internal/cameras/" + camera
                + "/recordings?start=2026-11-24T08:00:00Z&end=2026-11-24T08:00:20Z", auth()).body());
        assertThat(recordings.get("ranges")).hasSize(1);
        assertThat(recordings.get("coverage").asDouble()).isGreaterThan(0.97);

        JsonNode stored = JSON.readTree(new ServiceHttp(port).get("/internal/segments/" + segment.get("id").asLong(), auth()).body());
        assertThat(stored.get("fragments")).hasSize(10);
        HttpResponse<byte[]> body = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(stored.get("url").asString()))
                .build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(body.statusCode()).isEqualTo(200);
        assertThat(SegmentFiles.sha256(body.body())).isEqualTo(SegmentFiles.sha256(first));
        JsonNode fragment = stored.get("fragments").get(3);
        HttpResponse<byte[]> part = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(stored.get("url").asString()))
                .header("Range", "bytes=" + fragment.get("byteOffset").asLong() + "-"
                        + (fragment.get("byteOffset").asLong() + fragment.get("size").asLong() - 1)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(part.statusCode()).isEqualTo(206);
        assertThat(new String(part.body(), 4, 4)).isEqualTo("moof");
        HttpResponse<String> forged = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                stored.get("url").asString().replaceAll("signature=[^&]+", "signature=forged"))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(forged.statusCode()).isEqualTo(403);
    }

    @Test
    void fencedDamagedOverlappingAndForeignUploadsAreRefusedAndWriteNothing() throws Exception {
        String camera = UUID.randomUUID().toString();
        Instant t0 = Instant.parse("2026-11-24T09:00:00Z");
        assertThat(put(camera, t0, first, null, 5).statusCode()).isEqualTo(201);
        long before = rows();

        HttpResponse<String> fenced = put(camera, t0.plusSeconds(60), second, null, 3);
        assertThat(fenced.statusCode()).isEqualTo(409);
        assertThat(fenced.body()).contains("fenced");
        HttpResponse<String> overlapping = put(camera, t0.plusSeconds(5), third, null, 5);
        assertThat(overlapping.statusCode()).isEqualTo(409);
        assertThat(overlapping.body()).contains("overlap");
        assertThat(put(camera, t0.plusSeconds(120), second, "0".repeat(64), 5).statusCode()).as("damaged").isEqualTo(400);
        Path text = Files.writeString(dir.resolve("text.mp4"), "not a video");
        assertThat(put(camera, t0.plusSeconds(180), text, null, 5).statusCode()).isEqualTo(400);
        assertThat(put(camera, t0.plusSeconds(240), second, "NOT-HEX", 5).statusCode()).isEqualTo(400);
        assertThat(put("not-a-camera", t0, second, null, 5).statusCode()).isEqualTo(400);
        assertThat(rows()).isEqualTo(before);
    }
}
