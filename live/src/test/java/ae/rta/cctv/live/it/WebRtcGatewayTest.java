package ae.rta.cctv.live.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ae.rta.cctv.testsupport.JanusServer;
import ae.rta.cctv.testsupport.RtspTestCamera;
import ae.rta.cctv.testsupport.ServiceHttp;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;

/**
 * WebRTC signalling through two real Janus gateways (no browser: the offer, the mountpoints, their pulls of the
 * camera, hang-ups and fail-over are all visible from outside). The browser's half is {@code WebRtcBrowserTest}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
final class WebRtcGatewayTest {

    private static final LiveSystem system = LiveSystem.withWebRtc();
    private static final Map<String, String> JSON = Map.of("Content-Type", "application/json");
    private static String operator;
    private final List<String> opened = new ArrayList<>();

    @BeforeAll
    static void signIn() {
        operator = system.token("admin");
    }

    @AfterEach
    void release() {
        opened.forEach(id -> system.api("DELETE", "/api/v1/streams/" + id, operator, null));
        opened.clear();
        await().atMost(Duration.ofSeconds(20)).until(() -> mountpoints().isEmpty() && system.camera.connections() == 0);
    }

    private String webrtcPath(String variant) {
        JsonNode stream = system.startStream(operator, variant);
        opened.add(stream.get("id").asString());
        assertThat(stream.get("urls").has("webrtc")).as("urls.webrtc when gateways are configured").isTrue();
        return path(stream.get("urls").get("webrtc").asString());
    }

    private static String path(String url) {
        URI uri = URI.create(url);
        return uri.getRawPath() + "?" + uri.getRawQuery();
    }

    private static JsonNode offer(String webrtcPath) {
        ServiceHttp.Response r = system.liveHttp.send("POST", webrtcPath, null, Map.of());
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return LiveSystem.JSON.readTree(r.body());
    }

    private static List<JsonNode> mountpoints() {
        List<JsonNode> items = new ArrayList<>();
        LiveSystem.JSON.readTree(system.liveHttp.get("/internal/webrtc", LiveSystem.internalAuth()).body()).get("items").forEach(items::add);
        return items;
    }

    private static String viewerPath(String webrtcPath, String viewer) {
        int q = webrtcPath.indexOf('?');
        return webrtcPath.substring(0, q) + "/" + viewer + webrtcPath.substring(q);
    }

    @Test
    @Order(1)
    void theGatewayOffersTheCameraAndOneMountpointServesEveryViewer() {
        String first = webrtcPath("main");
        String second = webrtcPath("main");
        JsonNode a = offer(first);
        JsonNode b = offer(second);
        for (JsonNode offer : List.of(a, b)) {
            String sdp = offer.get("sdp").asString();
            assertThat(offer.get("type").asString()).isEqualTo("offer");
            assertThat(sdp).startsWith("v=0").contains("m=video").contains("H264/90000").contains("a=sendonly");
            assertThat(sdp).as("half-trickle: the gateway's candidates are in the offer").contains("a=candidate:")
                    .contains("a=end-of-candidates");
        }
        assertThat(a.get("id").asString()).isNotEqualTo(b.get("id").asString()).hasSize(32);
        List<JsonNode> mounts = mountpoints();
        assertThat(mounts).hasSize(1);
        assertThat(mounts.getFirst().get("viewers").asInt()).isEqualTo(2);
        assertThat(system.camera.connections()).as("the gateway pulls the camera once for both").isEqualTo(1);
    }

    @Test
    @Order(2)
    void releasingTheReservationHangsUpAndTheIdleMountpointStopsPullingTheCamera() {
        String webrtc = webrtcPath("main");
        offer(webrtc);
        assertThat(system.camera.connections()).isEqualTo(1);
        system.api("DELETE", "/api/v1/streams/" + opened.removeFirst(), operator, null);
        await().atMost(Duration.ofSeconds(5)).until(() -> mountpoints().stream().allMatch(m -> m.get("viewers").asInt() == 0));
        assertThat(system.liveMetric("cctv_live_webrtc_hangups_total")).isGreaterThanOrEqualTo(1);
        ServiceHttp.Response again = system.liveHttp.send("POST", webrtc, null, Map.of());
        assertThat(again.status()).as("a released stream's URL opens nothing").isEqualTo(404);
        // idle grace (2 s in these tests) + 5 s
        await().atMost(Duration.ofSeconds(7)).until(() -> mountpoints().isEmpty() && system.camera.connections() == 0);
    }

    @Test
    @Order(3)
    void badSignallingIsRefusedWithProblems() {
        String webrtc = webrtcPath("sub");
        JsonNode offer = offer(webrtc);
        String viewer = viewerPath(webrtc, offer.get("id").asString());
        assertThat(post(viewer, "{\"type\":\"offer\",\"sdp\":\"v=0\"}").status()).isEqualTo(400);
        assertThat(post(viewer, "{\"type\":\"answer\",\"sdp\":\"hello\"}").status()).isEqualTo(400);
        assertThat(post(viewer, "{\"type\":").status()).isEqualTo(400);
        assertThat(post(viewer, "{\"type\":\"answer\",\"sdp\":\"v=0\\r\\nnot really\"}").status())
                .as("an SDP the gateway cannot parse").isEqualTo(400);
        ServiceHttp.Response unknown = post(viewerPath(webrtc, "0".repeat(32)), "{\"type\":\"answer\",\"sdp\":\"v=0\"}");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.contentType()).startsWith("application/problem+json");
        String forged = viewer.replaceFirst("sig=[^&]+", "sig=AAAA");
        assertThat(post(forged, "{\"type\":\"answer\",\"sdp\":\"v=0\"}").status()).isEqualTo(403);
        String otherReservation = viewerPath(webrtcPath("sub"), offer.get("id").asString());
        assertThat(post(otherReservation, "{\"type\":\"answer\",\"sdp\":\"v=0\"}").status())
                .as("a viewer id under another reservation").isEqualTo(404);
        assertThat(system.liveHttp.send("DELETE", viewer, null, Map.of()).status()).isEqualTo(204);
        assertThat(system.liveHttp.send("DELETE", viewer, null, Map.of()).status()).isEqualTo(404);
    }

    private static ServiceHttp.Response post(String path, String body) {
        return system.liveHttp.send("POST", path, body, JSON);
    }

    @Test
    @Order(4)
    void aGatewayThatDiesHandsItsCamerasToTheOther() {
        String webrtc = webrtcPath("main");
        offer(webrtc);
        String home = mountpoints().getFirst().get("gateway").asString();
        JanusServer dead = system.janus.stream().filter(j -> j.apiUrl().equals(home)).findFirst().orElseThrow();
        dead.kill();
        try {
            await().atMost(Duration.ofSeconds(10)).until(() -> mountpoints().stream().allMatch(m -> m.get("viewers").asInt() == 0));
            JsonNode again = offer(webrtcPath("main"));
            assertThat(again.get("sdp").asString()).contains("m=video");
            List<JsonNode> mounts = mountpoints();
            assertThat(mounts).hasSize(1);
            assertThat(mounts.getFirst().get("gateway").asString()).isNotEqualTo(home);
        } finally {
            dead.restart();
        }
    }

    @Test
    @Order(5)
    void aRestartedGatewayGetsItsMountpointBack() {
        String webrtc = webrtcPath("main");
        offer(webrtc);
        String home = mountpoints().getFirst().get("gateway").asString();
        long before = mountpoints().getFirst().get("mountpoint").asLong();
        JanusServer gateway = system.janus.stream().filter(j -> j.apiUrl().equals(home)).findFirst().orElseThrow();
        gateway.kill();
        gateway.restart(); // same port, nothing remembered
        JsonNode again = offer(webrtcPath("main"));
        assertThat(again.get("sdp").asString()).contains("m=video");
        List<JsonNode> mounts = mountpoints();
        assertThat(mounts).hasSize(1);
        assertThat(mounts.getFirst().get("mountpoint").asLong()).isNotEqualTo(before);
    }

    /* Issue 18: the mountpoint's URL carried the camera's login; Janus gets it in rtsp_user and rtsp_pwd instead. */
    @Test
    @Order(6)
    void aCameraWithADigestLoginIsMountedWithTheLoginOutsideItsUrl() {
        String camera = system.cameraWithLogin(new RtspTestCamera.Login("digest", "janus-user-5", "j4n:pw@z+1"));
        JsonNode stream = system.startStreamOfNewCamera(operator, camera, "main");
        opened.add(stream.get("id").asString());
        JsonNode offer = offer(path(stream.get("urls").get("webrtc").asString()));
        assertThat(offer.get("sdp").asString()).as("the gateway logged in to the camera").contains("m=video");
        await().atMost(Duration.ofSeconds(5)).until(() -> system.loginCamera().connections() == 1);
    }
}
