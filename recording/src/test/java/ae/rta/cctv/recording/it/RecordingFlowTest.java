package ae.rta.cctv.recording.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ae.rta.cctv.testsupport.Ffmpeg;
import ae.rta.cctv.testsupport.FileModes;
import ae.rta.cctv.testsupport.RtspTestCamera;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** A camera recorded end to end: FFmpeg, spool, upload, index; then its FFmpeg killed. */
final class RecordingFlowTest {

    private static RtspTestCamera camera;
    private static RecordingSystem system;

    @BeforeAll
    static void start() {
        camera = RtspTestCamera.start();
        system = new RecordingSystem(Map.of());
    }

    @AfterAll
    static void stop() {
        system.close();
        camera.close();
    }

    @Test
    void segmentsFollowEachOtherPlayAndMatchTheirHashesAndAKilledFfmpegLeavesARecordedGap() throws Exception {
        String id = system.addRecordedCamera("Depot gate", camera.url());
        await().atMost(Duration.ofSeconds(40)).until(() -> system.segments(id).size() >= 3);

        ProcessHandle ffmpeg = ProcessHandle.current().descendants()
                .filter(p -> p.info().commandLine().orElse("").contains(camera.url())).findFirst().orElseThrow();
        int before = system.segments(id).size();
        Instant killed = Instant.now();
        ffmpeg.destroyForcibly();
        await().atMost(Duration.ofSeconds(30)).until(() -> system.segments(id).size() >= before + 3);
        JsonNode gaps = system.recordings(id).get("gaps");
        assertThat(gaps.valueStream().map(g -> g.get("reason").asString()))
                .as("the restart is a recorded gap: " + gaps).anyMatch(r -> r.contains("FFmpeg stopped"));

        JsonNode segments = system.segments(id);
        Instant resumed = null;
        int breaks = 0;
        for (int i = 0; i < segments.size(); i++) {
            JsonNode s = segments.get(i);
            Instant start = Instant.parse(s.get("start").asString());
            Instant end = Instant.parse(s.get("end").asString());
            assertThat(Duration.between(start, end).toMillis()).as("segment " + i).isBetween(1000L, 6000L);
            if (resumed == null && start.isAfter(killed)) {
                resumed = start;
            }
            if (i > 0) {
                Instant previousEnd = Instant.parse(segments.get(i - 1).get("end").asString());
                long apart = Duration.between(previousEnd, start).toMillis();
                assertThat(apart).as("no overlap between segments " + (i - 1) + " and " + i).isGreaterThan(-1500);
                if (apart >= 1000) {
                    breaks++;
                }
            }
            JsonNode stored = system.segment(s.get("id").asLong());
            byte[] bytes = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(stored.get("url").asString())).build(),
                    HttpResponse.BodyHandlers.ofByteArray()).body();
            assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)))
                    .isEqualTo(s.get("sha256").asString());
            Path file = Files.write(system.data.resolve("check-" + i + ".mp4"), bytes);
            Process probe = new ProcessBuilder(Ffmpeg.ffprobe().toString(), "-v", "error", "-show_entries", "stream=codec_name",
                    "-of", "csv=p=0", file.toString()).redirectErrorStream(true).start();
            assertThat(new String(probe.getInputStream().readAllBytes()).strip()).as("segment " + i + " plays").isEqualTo("h264");
        }
        assertThat(breaks).as("consecutive segments follow within 1 s, except once, at the restart: " + segments)
                .isLessThanOrEqualTo(1);
        assertThat(Duration.between(killed, resumed).toMillis()).as("recording resumed within 5 s").isLessThan(5000);
        // issue 18: the spool and the stored footage are for the services' user alone
        assertThat(FileModes.assertOwnerOnly(system.data.resolve("spool-recorder-a"))).as("files in the spool").isPositive();
        assertThat(FileModes.assertOwnerOnly(system.data.resolve("footage"))).as("stored files").isPositive();
        String metrics = system.metrics(system.recording);
        assertThat(metrics).contains("cctv_recording_cameras_recording")
                .contains("cctv_recording_segments_written_total").contains("cctv_recording_upload_backlog_segments");
        assertThat(sample(metrics, "cctv_recording_gaps_total")).as("the restart's gap is counted").isGreaterThanOrEqualTo(1);
        assertThat(sample(metrics, "cctv_recording_cameras_scheduled")).isGreaterThanOrEqualTo(1);
        assertThat(sample(metrics, "cctv_recording_spool_disk_size_bytes"))
                .isGreaterThan(sample(metrics, "cctv_recording_spool_disk_free_bytes")).isGreaterThan(0);
    }

    /** The value of an unlabelled (apart from service) sample in Prometheus text. */
    private static double sample(String metrics, String name) {
        return metrics.lines().filter(l -> l.startsWith(name + "{") || l.startsWith(name + " ")).findFirst()
                .map(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
                .orElseThrow(() -> new AssertionError(name + " is not in the scrape"));
    }
}
