package ae.rta.cctv.recording.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ae.rta.cctv.embedded.FreePorts;
import ae.rta.cctv.testsupport.RtspTestCamera;
import ae.rta.cctv.testsupport.SecretLeakWatch;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Issue 18: a camera's login leaked. FFmpeg's error line ({@code rtsp://user:pass@host: Connection refused}) became
 * the gap reason any viewer reads, the recorder logged it, and FFmpeg's command line showed the password to
 * {@code ps}. Here one camera demands a Digest login and drops out for a while, another is refused outright; the
 * login must show in no gap reason, status reason, log line or child command line, and recording must still work.
 */
final class CameraCredentialsLeakTest {

    private static final RtspTestCamera.Login LOGIN = new RtspTestCamera.Login("digest", "gate-user-7", "s3cr3t-Zq9@x+y");
    private static final String REFUSED_USER = "depot-user-4";
    private static final String REFUSED_PASSWORD = "p4ss-Wk2/d%e";

    private static RtspTestCamera camera;
    private static RecordingSystem system;
    private static SecretLeakWatch watch;

    @BeforeAll
    static void start() {
        camera = RtspTestCamera.startWithLogin(LOGIN);
        system = new RecordingSystem(Map.of());
        watch = SecretLeakWatch.start();
    }

    @AfterAll
    static void stop() {
        watch.close();
        system.close();
        camera.close();
    }

    @Test
    void aCameraLoginShowsInNoGapReasonLogLineOrCommandLineAndRecordingThroughTheLoginStillWorks() {
        String refused = system.addRecordedCamera("Depot (nothing listens)", "rtsp://127.0.0.1:" + FreePorts.pick() + "/x",
                REFUSED_USER, REFUSED_PASSWORD);
        String gate = system.addRecordedCamera("Gate (Digest login)", camera.url(), LOGIN.username(), LOGIN.password());
        await().atMost(Duration.ofSeconds(40)).until(() -> system.segments(gate).size() >= 2);

        camera.kill();
        await("the recorder noticed the camera gone and was refused reconnecting").atMost(Duration.ofSeconds(30))
                .until(() -> watch.logLines().stream().anyMatch(l -> l.contains("recorder of camera " + gate)
                        && l.contains("Connection refused")));
        int before = system.segments(gate).size();
        camera.restart();
        await().atMost(Duration.ofSeconds(40)).until(() -> system.segments(gate).size() >= before + 2
                && !system.recordings(gate).get("gaps").isEmpty());

        List<String> reasons = java.util.stream.Stream.of(gate, refused)
                .flatMap(c -> system.recordings(c).get("gaps").valueStream()).map(g -> g.get("reason").asString()).toList();
        assertThat(reasons).as("the camera's drop-out is a gap with a reason").isNotEmpty().allMatch(r -> !r.isBlank());
        for (String secret : List.of(LOGIN.username(), LOGIN.password(), "s3cr3t-Zq9", REFUSED_USER, "p4ss-Wk2")) {
            assertThat(reasons).as("gap reasons").noneMatch(r -> r.contains(secret));
            for (String id : List.of(gate, refused)) {
                JsonNode view = system.camera(id);
                assertThat(view.toString()).as("camera as vms shows it").doesNotContain(secret);
            }
        }
        assertThat(watch.commandLines("ffmpeg")).as("FFmpeg runs were seen").isNotEmpty()
                .allMatch(c -> !c.contains("-i rtsp://127.0.0.1:" + camera.port()),
                        "FFmpeg reads a camera with a login through the loopback proxy, not from the camera");
        watch.assertNoneContains(LOGIN.username(), LOGIN.password(), "s3cr3t-Zq9", REFUSED_USER, "p4ss-Wk2");
    }
}
