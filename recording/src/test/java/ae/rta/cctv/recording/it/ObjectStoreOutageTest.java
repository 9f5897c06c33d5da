package ae.rta.cctv.recording.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ae.rta.cctv.testsupport.RtspTestCamera;
import ae.rta.cctv.testsupport.S3TestServer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The object store (S3, here s3proxy) goes away while a camera records: nothing is lost, the backlog drains. */
final class ObjectStoreOutageTest {

    private static final Pattern BACKLOG = Pattern.compile("cctv_recording_upload_backlog_segments\\{[^}]*} ([0-9.]+)");
    private static RtspTestCamera camera;
    private static S3TestServer s3;
    private static RecordingSystem system;

    @BeforeAll
    static void start() {
        camera = RtspTestCamera.start();
        s3 = S3TestServer.start();
        system = new RecordingSystem(Map.of("cctv.storage.store", "s3", "cctv.storage.s3.endpoint", s3.endpoint().toString(),
                "cctv.storage.s3.access-key", S3TestServer.ACCESS_KEY, "cctv.storage.s3.secret-key", S3TestServer.SECRET_KEY));
    }

    @AfterAll
    static void stop() {
        system.close();
        s3.close();
        camera.close();
    }

    private double backlog() {
        Matcher m = BACKLOG.matcher(system.metrics(system.recording));
        return m.find() ? Double.parseDouble(m.group(1)) : -1;
    }

    @Test
    void footageRecordedWhileTheStoreIsDownReachesItAfterwardsWithNothingLost() {
        String id = system.addRecordedCamera("Outage camera", camera.url());
        await().atMost(Duration.ofSeconds(40)).until(() -> system.segments(id).size() >= 2);

        s3.stop();
        List<Double> seen = new ArrayList<>();
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            seen.add(backlog());
            return seen.getLast() >= 3;
        });
        int indexedDuringOutage = system.segments(id).size();
        s3.restart();
        await().atMost(Duration.ofSeconds(90)).until(() -> {
            seen.add(backlog());
            return seen.getLast() == 0 && system.segments(id).size() >= indexedDuringOutage + 3;
        });
        assertThat(seen.stream().mapToDouble(Double::doubleValue).max().orElse(0)).as("the backlog rose").isGreaterThanOrEqualTo(3);
        assertThat(seen.getLast()).as("and fell back").isZero();

        JsonNode segments = system.segments(id);
        for (int i = 1; i < segments.size(); i++) {
            Instant previousEnd = Instant.parse(segments.get(i - 1).get("end").asString());
            Instant start = Instant.parse(segments.get(i).get("start").asString());
            assertThat(Duration.between(previousEnd, start).toMillis()).as("no footage missing between segments " + (i - 1)
                    + " and " + i + ": " + segments).isLessThan(1000);
        }
        assertThat(system.recordings(id).get("gaps")).isEmpty();
    }
}
