package ae.rta.cctv.recording.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ae.rta.cctv.testsupport.RtspTestCamera;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Cameras as they are in the field, recorded end to end (vms, recording with 4 s segments, storage): a camera that
 * serves its media over UDP only (461 to interleaved TCP, as VLC's RTSP server does) records, and a camera that drops
 * and comes back records again within seconds of answering, not after a backoff grown to 30 s.
 */
final class FieldCameraRecordingTest {

    private static final Pattern FAILED_RESTARTS = Pattern.compile(
            "cctv_recording_restarts_total\\{[^}]*reason=\"failed\"[^}]*} ([0-9.]+)");
    private static RecordingSystem system;

    @BeforeAll
    static void start() {
        system = new RecordingSystem(Map.of());
    }

    @AfterAll
    static void stop() {
        system.close();
    }

    /** Regression: a UDP-only camera showed ONLINE and counted as recorded, yet no segment ever landed. */
    @Test
    void aUdpOnlyCameraRecordsWithoutHoles() {
        try (RtspTestCamera camera = RtspTestCamera.startUdpOnly()) {
            String id = system.addRecordedCamera("UDP-only gate", camera.url());
            await().atMost(Duration.ofSeconds(60)).until(() -> system.segments(id).size() >= 8);
            JsonNode segments = system.segments(id);
            Instant from = Instant.parse(segments.get(1).get("start").asString());
            Instant to = Instant.parse(segments.get(segments.size() - 1).get("end").asString());
            JsonNode recorded = RecordingSystem.JSON.readTree(new ae.rta.cctv.testsupport.ServiceHttp(
                    RecordingSystem.port(system.storage)).get("/internal/cameras/" + id + "/recordings?start=" + from
                    + "&end=" + to, RecordingSystem.auth()).body());
            assertThat(recorded.get("coverage").asDouble()).as(recorded.toString()).isGreaterThanOrEqualTo(0.9);
            await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
                    assertThat(system.camera(id).get("transport").asString()).as("the probes found how it serves media")
                            .isEqualTo("udp"));
        }
    }

    /** Regression: recording resumed up to 30 s after a camera returned (the retry backoff kept growing). */
    @Test
    void recordingResumesWithinFiveSecondsOfACameraAnsweringAgain() {
        try (RtspTestCamera camera = RtspTestCamera.start()) {
            String id = system.addRecordedCamera("Returning gate", camera.url());
            await().atMost(Duration.ofSeconds(40)).until(() -> system.segments(id).size() >= 2);
            double failedBefore = failedRestarts();
            camera.kill();
            // Five failed starts in a row: the backoff has doubled to 16 s, where the defect waited it out.
            await().atMost(Duration.ofSeconds(60)).until(() -> failedRestarts() >= failedBefore + 5);
            camera.restart();
            long answering = System.nanoTime();
            await().atMost(Duration.ofSeconds(30)).until(() -> camera.connections() >= 1);
            long resumedMillis = (System.nanoTime() - answering) / 1_000_000;
            System.out.printf("recording resumed %d ms after the camera answered again%n", resumedMillis);
            assertThat(resumedMillis).isLessThanOrEqualTo(5_000);
        }
    }

    private static double failedRestarts() {
        Matcher m = FAILED_RESTARTS.matcher(system.metrics(system.recording));
        double total = 0;
        while (m.find()) {
            total += Double.parseDouble(m.group(1));
        }
        return total;
    }
}
