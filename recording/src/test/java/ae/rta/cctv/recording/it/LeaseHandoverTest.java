package ae.rta.cctv.recording.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ae.rta.cctv.testsupport.RtspTestCamera;
import ae.rta.cctv.testsupport.ServiceHttp;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/** Two recording instances share the cameras; when one goes, the other takes its cameras, never recording one twice. */
final class LeaseHandoverTest {

    private static RtspTestCamera first;
    private static RtspTestCamera second;
    private static RecordingSystem system;
    private static ConfigurableApplicationContext other;

    @BeforeAll
    static void start() {
        first = RtspTestCamera.start();
        second = RtspTestCamera.start();
        system = new RecordingSystem(Map.of());
        other = system.startRecorder("recorder-b");
    }

    @AfterAll
    static void stop() {
        if (other.isActive()) {
            other.close();
        }
        system.close();
        first.close();
        second.close();
    }

    private static Set<String> recordedBy(ConfigurableApplicationContext recorder) {
        Set<String> cameras = new HashSet<>();
        JsonNode body = RecordingSystem.JSON.readTree(new ServiceHttp(RecordingSystem.port(recorder))
                .get("/internal/recorders", RecordingSystem.auth()).body());
        body.get("cameras").forEach(c -> cameras.add(c.get("cameraId").asString()));
        return cameras;
    }

    @Test
    void theCamerasOfAnInstanceThatStopsMoveToTheOtherWithinThirtySecondsAndAreNeverRecordedTwice() {
        String a = system.addRecordedCamera("Handover one", first.url());
        String b = system.addRecordedCamera("Handover two", second.url());
        await().atMost(Duration.ofSeconds(20)).until(() -> recordedBy(system.recording).size() == 1
                && recordedBy(other).size() == 1);
        assertThat(recordedBy(system.recording)).doesNotContainAnyElementsOf(recordedBy(other));
        String moving = recordedBy(system.recording).iterator().next();
        await().atMost(Duration.ofSeconds(30)).until(() -> system.segments(moving).size() >= 2);

        Instant stopped = Instant.now();
        system.recording.close();
        await().atMost(Duration.ofSeconds(30)).until(() -> recordedBy(other).containsAll(Set.of(a, b)));
        assertThat(Duration.between(stopped, Instant.now())).isLessThan(Duration.ofSeconds(30));
        await().atMost(Duration.ofSeconds(30)).until(() -> system.segments(moving).valueStream()
                .anyMatch(s -> s.get("recorder").asString().equals("recorder-b")));

        JsonNode segments = system.segments(moving);
        long previousFence = 0;
        for (int i = 0; i < segments.size(); i++) {
            JsonNode s = segments.get(i);
            assertThat(s.get("fence").asLong()).as("fences only grow").isGreaterThanOrEqualTo(previousFence);
            previousFence = s.get("fence").asLong();
            if (i > 0) {
                Instant previousEnd = Instant.parse(segments.get(i - 1).get("end").asString());
                Instant start = Instant.parse(s.get("start").asString());
                assertThat(start).as("segment " + i + " does not overlap the one before: " + segments)
                        .isAfterOrEqualTo(previousEnd.minusMillis(1500));
            }
        }
        assertThat(segments.get(0).get("recorder").asString()).isEqualTo("recorder-a");
        assertThat(segments.get(segments.size() - 1).get("recorder").asString()).isEqualTo("recorder-b");
    }
}
