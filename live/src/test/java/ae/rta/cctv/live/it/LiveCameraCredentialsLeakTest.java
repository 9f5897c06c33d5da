package ae.rta.cctv.live.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ae.rta.cctv.testsupport.RtspTestCamera;
import ae.rta.cctv.testsupport.SecretLeakWatch;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Issue 18: the live pull's FFmpeg had the camera's login in its command line, for {@code ps} to show. A camera that
 * demands a Basic login is watched, drops out and comes back; its login must show in no child command line, log
 * line, pull status or viewer message, and the stream must still play (through the loopback RTSP proxy).
 */
final class LiveCameraCredentialsLeakTest {

    private static final RtspTestCamera.Login LOGIN = new RtspTestCamera.Login("basic", "live-user-3", "l1ve-Pw7:x@y");
    private static final List<String> SECRETS = List.of(LOGIN.username(), LOGIN.password(), "l1ve-Pw7");
    private static final LiveSystem system = LiveSystem.get();

    @Test
    void aCameraWithALoginPlaysAndReconnectsAndItsLoginShowsNowhere() {
        try (SecretLeakWatch watch = SecretLeakWatch.start()) {
            String operator = system.token("admin");
            String camera = system.cameraWithLogin(LOGIN);
            JsonNode stream = system.startStreamOfNewCamera(operator, camera, "main");
            try (TestViewer viewer = TestViewer.connect(stream.get("urls").get("mse").asString() + "&timing=1")) {
                await().atMost(Duration.ofSeconds(20)).until(() -> viewer.fragments.size() >= 25);
                assertThat(watch.commandLines("ffmpeg")).as("FFmpeg reads the camera through the loopback proxy")
                        .anyMatch(c -> c.contains("-rtsp_transport tcp") && c.contains(" -i rtsp://127.0.0.1:")
                                && c.contains("/proxy/"));

                system.loginCamera().kill();
                await().atMost(Duration.ofSeconds(20)).until(() -> pull(camera) != null
                        && pull(camera).path("lastError").isString() && pull(camera).path("reconnects").asInt() >= 2);
                String lastError = pull(camera).get("lastError").asString();
                int inits = initSections(viewer);
                system.loginCamera().restart();
                await("the pull came back with a new init section").atMost(Duration.ofSeconds(30))
                        .until(() -> initSections(viewer) > inits);

                assertThat(lastError).as("why the pull failed, as /internal/pulls tells it").contains("rtsp://***@127.0.0.1:");
                for (String secret : SECRETS) {
                    assertThat(lastError).doesNotContain(secret);
                    assertThat(viewer.texts).as("messages to the viewer").noneMatch(t -> t.toString().contains(secret));
                }
            } finally {
                system.api("DELETE", "/api/v1/streams/" + stream.get("id").asString(), operator, null);
            }
            watch.assertNoneContains(SECRETS.toArray(String[]::new));
        }
    }

    private static JsonNode pull(String camera) {
        JsonNode items = LiveSystem.JSON.readTree(system.liveHttp.get("/internal/pulls", LiveSystem.internalAuth()).body())
                .get("items");
        return items.valueStream().filter(p -> p.get("camera").asString().equals(camera)).findFirst().orElse(null);
    }

    private static int initSections(TestViewer viewer) {
        return (int) viewer.texts.stream().filter(t -> t.get("type").asString().equals("init")).count();
    }
}
