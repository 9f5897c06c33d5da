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

    private static Map<String, String> auth() {
        return Map.of("Authorization", "Bearer " + new ServiceCredentials("api", TestEngines.SERVICE_SECRET,
                Clock.systemUTC()).token());
    }

    @Test
    void importsInTheFutureOrLongAgoAreRefusedWithoutWriting() throws Exception {
        String camera = UUID.randomUUID().toString();
        long before = rows();
        // three minutes from a minute ago would run two minutes into the future (the camera's own recording)
        for (Instant start : new Instant[] {Instant.now().minus(Duration.ofMinutes(1)), Instant.now().plus(Duration.ofDays(1)),
                Instant.parse("2999-01-01T00:00:00Z"), Instant.parse("0001-01-01T00:00:00Z"),
                Instant.parse("1999-12-31T23:59:59Z")}) {
            HttpResponse<String> refused = importFile(camera, start, ts, "video/mp2t");
            assertThat(refused.statusCode()).as(start + ": " + refused.body()).isEqualTo(400);
            assertThat(refused.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        }
        assertThat(rows()).isEqualTo(before);
        // ending more than one recorder segment (60 s) before now is fine
        HttpResponse<String> recent = importFile(camera, Instant.now().minus(Duration.ofMinutes(4)), ts, "video/mp2t");
        assertThat(recent.statusCode()).as(recent.body()).isEqualTo(201);
    }

    @Test
    void anUnreadableFileIsRefusedInWordsWithoutServerPathsOrFfmpegOutput() throws Exception {
        Path junk = Files.write(dir.resolve("junk.mp4"), new byte[] {0, 0, 0, 24, 'f', 't', 'y', 'p', 'j', 'u', 'n', 'k'});
        HttpResponse<String> refused = importFile(UUID.randomUUID().toString(), Instant.parse("2026-11-20T09:00:00Z"), junk,
                "video/mp4");
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        String detail = JSON.readTree(refused.body()).get("detail").asString();
        assertThat(detail).contains("could not be read as MP4 or MPEG-TS").doesNotContain("/", "storage-work", "Invalid data",
                "moov");
    }

    @Test
    void recordedFootageIsNeverReplacedAndImportsAreMarkedAsSuch() throws Exception {
        String camera = UUID.randomUUID().toString();
        Instant recordedAt = Instant.parse("2026-11-21T06:01:00Z");
        Path segment = SegmentFiles.make(dir, "recorded.mp4", 10, 3);
        ServiceHttp http = new ServiceHttp(port);
        HttpResponse<String> recorded = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                        + port + "/internal/cameras/" + camera + "/segments?start=" + recordedAt + "&recorder=rec-1&fence=1"))
                .header("Authorization", auth().get("Authorization")).PUT(HttpRequest.BodyPublishers.ofFile(segment)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(recorded.statusCode()).as(recorded.body()).isEqualTo(201);
        long before = rows();

        HttpResponse<String> over = importFile(camera, Instant.parse("2026-11-21T06:00:00Z"), ts, "video/mp2t");
        assertThat(over.statusCode()).as(over.body()).isEqualTo(409);
        JsonNode problem = JSON.readTree(over.body());
        assertThat(problem.get("detail").asString()).contains("recorded footage from " + recordedAt);
        assertThat(problem.get("overlapStart").asString()).isEqualTo(recordedAt.toString());
        assertThat(problem.get("overlapEnd").asString()).isEqualTo(recordedAt.plusSeconds(10).toString());
        assertThat(rows()).isEqualTo(before);
        assertThat(db.sql("SELECT recorder FROM segment WHERE camera_id = ?::uuid").param(camera).query(String.class).list())
                .containsExactly("rec-1");

        // an import beside it is stored, and marked imported wherever the camera's footage is listed
        assertThat(importFile(camera, Instant.parse("2026-11-21T06:02:00Z"), ts, "video/mp2t").statusCode()).isEqualTo(201);
        JsonNode ranges = JSON.readTree(http.get("/internal/cameras/" + camera
                + "/recordings?start=2026-11-21T06:00:00Z&end=2026-11-21T06:10:00Z", auth()).body()).get("ranges");
        assertThat(ranges).hasSize(2);
        assertThat(ranges.get(0).get("imported").asBoolean()).isFalse();
        assertThat(ranges.get(1).get("imported").asBoolean()).isTrue();
        JsonNode items = JSON.readTree(http.get("/internal/cameras/" + camera
                + "/segments?start=2026-11-21T06:00:00Z&end=2026-11-21T06:10:00Z", auth()).body()).get("items");
        assertThat(items).hasSize(4);
        assertThat(items.get(0).get("imported").asBoolean()).isFalse();
        assertThat(items.get(1).get("imported").asBoolean()).isTrue();
    }

    @Test
    void anUnsatisfiableRangeIsA416WithoutTheFile() throws Exception {
        String camera = UUID.randomUUID().toString();
        assertThat(importFile(camera, Instant.parse("2026-11-22T06:00:00Z"), ts, "video/mp2t").statusCode()).isEqualTo(201);
        ServiceHttp http = new ServiceHttp(port);
        JsonNode first = JSON.readTree(http.get("/internal/cameras/" + camera
                + "/segments?start=2026-11-22T06:00:00Z&end=2026-11-22T06:01:00Z", auth()).body()).get("items").get(0);
        JsonNode segment = JSON.readTree(http.get("/internal/segments/" + first.get("id").asLong(), auth()).body());
        URI link = URI.create(segment.get("url").asString());
        long size = segment.get("bytes").asLong();

        HttpResponse<byte[]> beyond = HttpClient.newHttpClient().send(HttpRequest.newBuilder(link)
                .header("Range", "bytes=" + (size + 100) + "-").build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(beyond.statusCode()).isEqualTo(416);
        assertThat(beyond.headers().firstValue("Content-Range")).hasValue("bytes */" + size);
        assertThat(beyond.body()).isEmpty();

        HttpResponse<byte[]> part = HttpClient.newHttpClient().send(HttpRequest.newBuilder(link)
                .header("Range", "bytes=10-19").build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(part.statusCode()).isEqualTo(206);
        assertThat(part.headers().firstValue("Content-Range")).hasValue("bytes 10-19/" + size);
        assertThat(part.body()).hasSize(10);
        HttpResponse<byte[]> whole = HttpClient.newHttpClient().send(HttpRequest.newBuilder(link).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(whole.statusCode()).isEqualTo(200);
        assertThat((long) whole.body().length).isEqualTo(size);
        // and FFmpeg, which seeks with ranges of its own, reads the object through the link
        Path list = Files.writeString(dir.resolve("two.ffconcat"), "ffconcat version 1.0\nfile '" + link + "'\nfile '" + link + "'\n");
        Process concat = new ProcessBuilder(ae.rta.cctv.testsupport.Ffmpeg.ffmpeg().toString(), "-hide_banner", "-loglevel", "error", "-y",
                "-protocol_whitelist", "file,http,tcp", "-f", "concat", "-safe", "0", "-i", list.toString(), "-c", "copy", "-f", "hls",
                "-hls_time", "4", "-hls_playlist_type", "vod", "-hls_segment_type", "fmp4",
                dir.resolve("concat-" + System.nanoTime() + ".m3u8").toString()).redirectErrorStream(true).start();
        String concatOut = new String(concat.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(concat.waitFor()).as(concatOut).isZero();
        Process probe = new ProcessBuilder(ae.rta.cctv.testsupport.Ffmpeg.ffprobe().toString(), "-v", "error",
                "-show_entries", "format=duration", "-of", "csv=p=0", link.toString()).redirectErrorStream(true).start();
        String out = new String(probe.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(probe.waitFor()).as(out).isZero();
        assertThat(Double.parseDouble(out.strip())).isBetween(59.0, 61.0);
    }

    @Test
    void yearsBeyondFourDigitsAreBadRequests() throws Exception {
        ServiceHttp http = new ServiceHttp(port);
        for (String year : new String[] {"%2B999999999-01-01T00:00:00Z", "-999999999-01-01T00:00:00Z", "%2B10000-01-01T00:00:00Z"}) {
            ServiceHttp.Response r = http.get("/internal/cameras/" + UUID.randomUUID() + "/recordings?start=" + year
                    + "&end=2026-11-22T06:01:00Z", auth());
            assertThat(r.status()).as(year + ": " + r.body()).isEqualTo(400);
            assertThat(r.body()).contains("0001 and 9999");
        }
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
