package ae.rta.cctv.live.it;

import static org.assertj.core.api.Assertions.assertThat;

import ae.rta.cctv.api.ApiApplication;
import ae.rta.cctv.common.CctvApplication;
import ae.rta.cctv.common.security.ServiceCredentials;
import ae.rta.cctv.live.LiveApplication;
import ae.rta.cctv.streamcounter.StreamCounterApplication;
import ae.rta.cctv.testsupport.JanusServer;
import ae.rta.cctv.testsupport.RtspTestCamera;
import ae.rta.cctv.testsupport.ServiceHttp;
import ae.rta.cctv.testsupport.TestEngines;
import ae.rta.cctv.vms.VmsApplication;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * vms, stream-counter, live and api started once per test JVM against the shared PostgreSQL and redis-server, with
 * one RTSP test camera (noise at 1.5 Mbit/s, a keyframe a second) registered for METRO. Tests open streams through
 * the api as the dashboard does and watch them at the live service with the URLs it returns.
 */
final class LiveSystem {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String PASSWORD = "demo-password-for-tests";

    private static LiveSystem instance;

    final RtspTestCamera camera;
    final ConfigurableApplicationContext vms;
    final ConfigurableApplicationContext streamCounter;
    final ConfigurableApplicationContext live;
    final ConfigurableApplicationContext api;
    final ServiceHttp apiHttp;
    final ServiceHttp liveHttp;
    final String cameraId;
    final List<JanusServer> janus;
    private RtspTestCamera loginCamera;
    private String loginCameraId;

    private LiveSystem(int bitrateKbps, Map<String, Object> counterOverrides, Map<String, Object> liveOverrides,
            int janusGateways) {
        camera = RtspTestCamera.start(25, bitrateKbps, "snow");
        janus = java.util.stream.IntStream.range(0, janusGateways).mapToObj(i -> JanusServer.start()).toList();
        String janusUrls = String.join(",", janus.stream().map(JanusServer::apiUrl).toList());
        vms = CctvApplication.builder(VmsApplication.class, "vms", common(Map.of("cctv.demo", "false"))).run();
        Map<String, Object> counterProperties = new HashMap<>(Map.of("cctv.demo", "false"));
        counterProperties.putAll(counterOverrides);
        streamCounter = CctvApplication.builder(StreamCounterApplication.class, "stream-counter",
                common(counterProperties)).run();
        Map<String, Object> liveProperties = new HashMap<>(Map.of(
                "cctv.services.vms.url", url(vms),
                "cctv.services.stream-counter.url", url(streamCounter),
                "cctv.live.idle-grace", "PT2S",
                "cctv.live.send-timeout", "PT4S",
                "cctv.live.stall-timeout", "PT3S"));
        liveProperties.put("cctv.live.janus-urls", janusUrls);
        liveProperties.putAll(liveOverrides);
        live = CctvApplication.builder(LiveApplication.class, "live", common(liveProperties)).run();
        Map<String, Object> apiProperties = new HashMap<>(Map.of(
                "cctv.demo", "true",
                "cctv.demo-password", PASSWORD,
                "cctv.services.vms.url", url(vms),
                "cctv.services.stream-counter.url", url(streamCounter),
                "cctv.api.live-public-url", url(live),
                "cctv.api.argon2.memory-kib", "1024",
                "cctv.api.argon2.iterations", "1"));
        apiProperties.put("cctv.live.janus-urls", janusUrls);
        apiProperties.put("cctv.api.rate-limit.user-per-second", "100000");
        apiProperties.put("cctv.api.rate-limit.user-burst", "100000");
        api = CctvApplication.builder(ApiApplication.class, "api", common(apiProperties)).run();
        apiHttp = new ServiceHttp(port(api));
        liveHttp = new ServiceHttp(port(live));
        ServiceHttp vmsHttp = new ServiceHttp(port(vms));
        vmsHttp.send("POST", "/internal/agencies", "{\"code\":\"METRO\",\"name\":\"Metro\"}", internalAuth());
        ServiceHttp.Response added = vmsHttp.send("POST", "/internal/cameras", JSON.writeValueAsString(Map.of(
                "name", "Live test camera " + camera.port(), "agency", "METRO",
                "source", Map.of("type", "rtsp", "url", camera.url()))), internalAuth());
        assertThat(added.status()).as(added.body()).isEqualTo(201);
        cameraId = JSON.readTree(added.body()).get("id").asString();
        api("PUT", "/api/v1/quotas/METRO", token("admin"), "{\"limit\":100}");
    }

    static synchronized LiveSystem get() {
        if (instance == null) {
            instance = new LiveSystem(1500, Map.of(), Map.of(), 0);
            Runtime.getRuntime().addShutdownHook(new Thread(instance::close, "live-system-stop"));
        }
        return instance;
    }

    private static LiveSystem withWebRtc;

    /** A system of its own whose live service hands WebRTC viewers to two real Janus gateways. */
    static synchronized LiveSystem withWebRtc() {
        if (withWebRtc == null) {
            withWebRtc = new LiveSystem(1000, Map.of(), Map.of(), 2);
            Runtime.getRuntime().addShutdownHook(new Thread(withWebRtc::close, "live-webrtc-system-stop"));
        }
        return withWebRtc;
    }

    /** A system of its own (benchmarks): a camera at {@code bitrateKbps}, with the given service settings. */
    static LiveSystem create(int bitrateKbps, Map<String, Object> counterOverrides, Map<String, Object> liveOverrides) {
        return new LiveSystem(bitrateKbps, counterOverrides, liveOverrides, 0);
    }

    private static Map<String, Object> common(Map<String, Object> extra) {
        Map<String, Object> p = new HashMap<>(Map.of("server.port", "0",
                "cctv.db.url", TestEngines.postgres().jdbcUrl(), "cctv.db.username", TestEngines.postgres().username(),
                "cctv.db.password", TestEngines.postgres().password(),
                "cctv.security.service-secret", TestEngines.SERVICE_SECRET,
                "cctv.redis.url", TestEngines.redis().url(),
                "logging.structured.format.console", ""));
        p.putAll(extra);
        return p;
    }

    static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    private static String url(ConfigurableApplicationContext context) {
        return "http://127.0.0.1:" + port(context);
    }

    static Map<String, String> internalAuth() {
        String token = new ServiceCredentials("api", TestEngines.SERVICE_SECRET, Clock.systemUTC()).token();
        return Map.of("Authorization", "Bearer " + token, "Content-Type", "application/json");
    }

    String token(String username) {
        ServiceHttp.Response r = apiHttp.send("POST", "/api/v1/auth/login",
                JSON.writeValueAsString(Map.of("username", username, "password", PASSWORD)), Map.of("Content-Type", "application/json"));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return JSON.readTree(r.body()).get("accessToken").asString();
    }

    ServiceHttp.Response api(String method, String path, String token, String json) {
        Map<String, String> headers = new HashMap<>(Map.of("Authorization", "Bearer " + token));
        if (json != null) {
            headers.put("Content-Type", "application/json");
        }
        return apiHttp.send(method, path, json, headers);
    }

    /**
     * A second camera, cheap (ball pattern, 300 kbit/s), that demands {@code login}, registered for METRO with it;
     * started on first use. @return its id
     */
    synchronized String cameraWithLogin(RtspTestCamera.Login login) {
        if (loginCameraId == null) {
            loginCamera = RtspTestCamera.startWithLogin(login);
            ServiceHttp.Response added = new ServiceHttp(port(vms)).send("POST", "/internal/cameras", JSON.writeValueAsString(
                    Map.of("name", "Live camera with a login " + loginCamera.port(), "agency", "METRO", "source", Map.of(
                            "type", "rtsp", "url", loginCamera.url(), "username", login.username(), "password", login.password()))),
                    internalAuth());
            assertThat(added.status()).as(added.body()).isEqualTo(201);
            loginCameraId = JSON.readTree(added.body()).get("id").asString();
        }
        return loginCameraId;
    }

    /** Registers one more camera for METRO at the vms service (no login). @return its id */
    String addCamera(String name, String url) {
        ServiceHttp.Response added = new ServiceHttp(port(vms)).send("POST", "/internal/cameras", JSON.writeValueAsString(
                Map.of("name", name, "agency", "METRO", "source", Map.of("type", "rtsp", "url", url))), internalAuth());
        assertThat(added.status()).as(added.body()).isEqualTo(201);
        return JSON.readTree(added.body()).get("id").asString();
    }

    synchronized RtspTestCamera loginCamera() {
        return loginCamera;
    }

    /** Opens a stream of the test camera through the api; fails the test unless 201. */
    JsonNode startStream(String token, String variant) {
        ServiceHttp.Response r = api("POST", "/api/v1/streams", token,
                "{\"cameraId\":\"" + cameraId + "\",\"variant\":\"" + variant + "\"}");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return JSON.readTree(r.body());
    }

    /** Opens a stream of a camera just added through the api, once the api knows it (it reads cameras every 5 s). */
    JsonNode startStreamOfNewCamera(String token, String camera, String variant) {
        ServiceHttp.Response[] opened = new ServiceHttp.Response[1];
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20)).until(() -> {
            opened[0] = api("POST", "/api/v1/streams", token,
                    "{\"cameraId\":\"" + camera + "\",\"variant\":\"" + variant + "\"}");
            return opened[0].status() == 201;
        });
        return JSON.readTree(opened[0].body());
    }

    /** One Prometheus sample of the live service (the sum over its label sets), 0 when absent. */
    double liveMetric(String name) {
        double sum = 0;
        for (String line : liveHttp.get("/metrics").body().split("\n")) {
            if (line.startsWith(name + " ") || line.startsWith(name + "{")) {
                sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return sum;
    }

    void close() {
        api.close();
        live.close();
        streamCounter.close();
        vms.close();
        camera.close();
        if (loginCamera != null) {
            loginCamera.close();
        }
        janus.forEach(JanusServer::close);
    }
}
