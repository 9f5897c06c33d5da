package ae.rta.cctv.live.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ae.rta.cctv.testsupport.Ffmpeg;
import ae.rta.cctv.testsupport.ServiceHttp;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Live view end to end: streams opened through the api, watched at the live service over WebSocket (MSE) and
 * LL-HLS, from one real RTSP camera.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
final class LiveStreamingTest {

    private static final LiveSystem system = LiveSystem.get();
    private static String operator;

    @TempDir
    Path dir;

    @BeforeAll
    static void signIn() {
        operator = system.token("admin");
        await().atMost(Duration.ofSeconds(20)).until(() -> system.camera.connections() == 0);
    }

    private static final List<String> opened = new ArrayList<>();

    private static String timed(JsonNode stream) {
        return url(stream) + "&timing=1";
    }

    private static String url(JsonNode stream) {
        opened.add(stream.get("id").asString());
        return stream.get("urls").get("mse").asString();
    }

    @org.junit.jupiter.api.AfterEach
    void releaseStreams() {
        opened.forEach(id -> system.api("DELETE", "/api/v1/streams/" + id, operator, null));
        opened.clear();
    }

    @Test
    @Order(1)
    void threeViewersShareOneRtspConnectionThatClosesAfterTheGracePeriod() throws Exception {
        int openedBefore = system.camera.connectionsOpened();
        List<TestViewer> viewers = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            viewers.add(TestViewer.connect(timed(system.startStream(operator, "main"))));
        }
        for (TestViewer v : viewers) {
            await().atMost(Duration.ofSeconds(20)).until(() -> v.fragments.size() >= 30);
            JsonNode init = v.texts.stream().filter(t -> t.get("type").asString().equals("init")).findFirst().orElseThrow();
            assertThat(init.get("mime").asString()).startsWith("video/mp4; codecs=\"avc1.42");
            assertThat(init.get("width").asInt()).isEqualTo(640);
            assertThat(TestViewer.type(v.binaries.getFirst())).as("the init section comes first").isEqualTo("ftyp");
            assertThat(v.fragments.getFirst().keyframe()).as("a viewer starts at a keyframe").isTrue();
        }
        assertThat(system.camera.connections()).as("RTSP connections while three watch").isEqualTo(1);
        assertThat(system.camera.connectionsOpened() - openedBefore).isEqualTo(1);
        assertThat(system.liveMetric("cctv_live_viewers")).isEqualTo(3);
        assertThat(system.liveMetric("cctv_live_mse_viewers")).isEqualTo(3);

        long left = System.nanoTime();
        viewers.forEach(TestViewer::close);
        await().atMost(Duration.ofSeconds(2 + 5)).pollInterval(Duration.ofMillis(100))
                .until(() -> system.camera.connections() == 0);
        double closedAfter = (System.nanoTime() - left) / 1e9;
        assertThat(closedAfter).as("the pull outlives its last viewer by the grace period").isGreaterThanOrEqualTo(1.5);
        assertThat(system.camera.connectionsOpened() - openedBefore).isEqualTo(1);
    }

    @Test
    @Order(2)
    void aStalledViewerSkipsToKeyframesWhileTheOthersKeepTheirLatency() throws Exception {
        TestViewer steady = TestViewer.connect(timed(system.startStream(operator, "main")));
        await().atMost(Duration.ofSeconds(20)).until(() -> steady.fragments.size() >= 50);
        int before = steady.fragments.size();
        double skipsBefore = system.liveMetric("cctv_live_keyframe_skips_total");
        double slowBefore = system.liveMetric("cctv_live_viewers_closed_slow_total");

        try (Socket stalled = stalledViewer(url(system.startStream(operator, "main")))) {
            await().atMost(Duration.ofSeconds(30)).until(() -> system.liveMetric("cctv_live_keyframe_skips_total") > skipsBefore);
            int during = steady.fragments.size();
            await().atMost(Duration.ofSeconds(10)).until(() -> steady.fragments.size() >= during + 50);
            List<TestViewer.Received> window = steady.since(before);
            long[] latencies = window.stream().mapToLong(TestViewer.Received::latencyMillis).sorted().toArray();
            long p99 = latencies[(int) Math.ceil(latencies.length * 0.99) - 1];
            assertThat(p99).as("the steady viewer's ingest-to-arrival p99 while another is stalled (ms)").isLessThanOrEqualTo(50);
            assertThat(gapsBetweenKeyframes(window)).as("the steady viewer lost nothing").isZero();
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> system.liveMetric("cctv_live_viewers_closed_slow_total") > slowBefore);
        }
        steady.close();
    }

    /* Frames the steady viewer missed: its decode times must follow each other without holes. */
    private static int gapsBetweenKeyframes(List<TestViewer.Received> fragments) {
        int gaps = 0;
        for (int i = 1; i < fragments.size(); i++) {
            double step = fragments.get(i).t() - fragments.get(i - 1).t();
            if (step > 0.1) {
                gaps++;
            }
        }
        return gaps;
    }

    /* A WebSocket client that upgrades and then never reads, with a tiny receive buffer: a viewer on a dead link. */
    private static Socket stalledViewer(String wsUrl) throws Exception {
        java.net.URI uri = java.net.URI.create(wsUrl);
        Socket socket = new Socket();
        socket.setReceiveBufferSize(4096);
        socket.connect(new java.net.InetSocketAddress(uri.getHost(), uri.getPort()), 5000);
        OutputStream out = socket.getOutputStream();
        out.write(("GET " + uri.getRawPath() + "?" + uri.getRawQuery() + " HTTP/1.1\r\nHost: " + uri.getHost() + ":"
                + uri.getPort() + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                + "Sec-WebSocket-Version: 13\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        InputStream in = socket.getInputStream();
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            head.write(b);
        }
        assertThat(head.toString(StandardCharsets.US_ASCII)).startsWith("HTTP/1.1 101");
        return socket; // and never read again
    }

    @Test
    @Order(3)
    void releasingTheStreamClosesItsWebSocketAndItsUrlNoLongerAdmits() {
        JsonNode stream = system.startStream(operator, "sub");
        TestViewer viewer = TestViewer.connect(stream.get("urls").get("mse").asString());
        await().atMost(Duration.ofSeconds(20)).until(() -> viewer.binaries.size() >= 5);

        ServiceHttp.Response released = system.api("DELETE", "/api/v1/streams/" + stream.get("id").asString(), operator, null);
        assertThat(released.status()).isEqualTo(204);
        assertThat(viewer.closed).succeedsWithin(5, TimeUnit.SECONDS).isEqualTo(4410);

        ServiceHttp.Response again = system.liveHttp.get(path(stream.get("urls").get("hls").asString()));
        assertThat(again.status()).as(again.body()).isEqualTo(404);
        assertThat(again.contentType()).startsWith("application/problem+json");
    }

    @Test
    @Order(4)
    void aForgedOrAlteredUrlIsRefusedBeforeTheUpgrade() {
        JsonNode stream = system.startStream(operator, "main");
        String hls = path(stream.get("urls").get("hls").asString());
        assertThat(system.liveHttp.get(hls.replace("variant=main", "variant=sub")).status())
                .as("a signature binds the variant").isEqualTo(403);
        assertThat(system.liveHttp.get(hls.replaceAll("sig=[^&]+", "sig=forged")).status()).isEqualTo(403);
        assertThat(system.liveHttp.get(hls.replaceAll("sig=[^&]+", "")).status()).isEqualTo(403);
        assertThat(system.liveHttp.get("/live/v1/streams/not-a-stream/index.m3u8?variant=main&sig=x").status()).isEqualTo(404);
        assertThat(system.liveHttp.get(hls.replace("variant=main", "variant=fish")).status()).isEqualTo(400);
        system.api("DELETE", "/api/v1/streams/" + stream.get("id").asString(), operator, null);
    }

    @Test
    @Order(5)
    void theViewerOverTheAgencyLimitGets429() {
        String admin = system.token("admin");
        int active = 0;
        for (JsonNode q : LiveSystem.JSON.readTree(system.api("GET", "/api/v1/quotas", admin, null).body()).get("items")) {
            if (q.get("agency").asString().equals("METRO")) {
                active = q.get("active").asInt();
            }
        }
        assertThat(system.api("PUT", "/api/v1/quotas/METRO", admin, "{\"limit\":" + (active + 2) + "}").status()).isEqualTo(200);
        try {
            String viewer = system.token("metro.viewer");
            JsonNode first = system.startStream(viewer, "sub");
            JsonNode second = system.startStream(viewer, "sub");
            ServiceHttp.Response third = system.api("POST", "/api/v1/streams", viewer,
                    "{\"cameraId\":\"" + system.cameraId + "\"}");
            assertThat(third.status()).isEqualTo(429);
            assertThat(LiveSystem.JSON.readTree(third.body()).get("scope").asString()).isEqualTo("agency");
            system.api("DELETE", "/api/v1/streams/" + first.get("id").asString(), viewer, null);
            system.api("DELETE", "/api/v1/streams/" + second.get("id").asString(), viewer, null);
        } finally {
            system.api("PUT", "/api/v1/quotas/METRO", admin, "{\"limit\":100}");
        }
    }

    @Test
    @Order(6)
    void llHlsServesPartsWithBlockingReloadAndSegmentsThatDecode() throws Exception {
        // A fresh pull. Known open problem (see the session note): a pull reused within its idle grace right after
        // the throttled-viewer test served an LL-HLS window that stopped advancing; not yet explained.
        await().atMost(Duration.ofSeconds(20)).until(() -> system.camera.connections() == 0);
        JsonNode stream = system.startStream(operator, "main");
        String playlistPath = path(stream.get("urls").get("hls").asString());
        ServiceHttp.Response first = system.liveHttp.get(playlistPath);
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(first.contentType()).startsWith("application/vnd.apple.mpegurl");
        assertThat(first.body()).contains("#EXT-X-SERVER-CONTROL:CAN-BLOCK-RELOAD=YES", "#EXT-X-PART-INF:PART-TARGET=0.200",
                "#EXT-X-MAP:URI=\"init/", "#EXT-X-PART:DURATION=", "INDEPENDENT=YES", "#EXT-X-PRELOAD-HINT:TYPE=PART");

        // Block until the segment after the newest complete one is listed whole.
        long wanted = mediaSequence(first.body()) + segmentsListed(first.body()) + 1;
        ServiceHttp.Response blocked = system.liveHttp.get(playlistPath + "&_HLS_msn=" + wanted);
        assertThat(blocked.status()).as(blocked.body()).isEqualTo(200);
        assertThat(blocked.body()).as("waited for segment %d after %s; got %s", wanted, first.body(), blocked.body()).contains("seg/" + wanted + ".m4s");

        String base = playlistPath.substring(0, playlistPath.indexOf("index.m3u8"));
        String query = playlistPath.substring(playlistPath.indexOf('?'));
        String initUri = blocked.body().replaceAll("(?s).*#EXT-X-MAP:URI=\"([^\"?]+)\\?.*", "$1");
        byte[] init = system.liveHttp.getBytes(base + initUri + query);
        byte[] segment = system.liveHttp.getBytes(base + "seg/" + wanted + ".m4s" + query);
        byte[] part = system.liveHttp.getBytes(base + "part/" + wanted + ".0.m4s" + query);
        assertThat(TestViewer.type(init)).isEqualTo("ftyp");
        assertThat(TestViewer.type(part)).isEqualTo("moof");
        assertThat(segment.length).isGreaterThan(part.length);

        Path file = dir.resolve("live.mp4");
        Files.write(file, concat(init, segment));
        Process probe = new ProcessBuilder(Ffmpeg.ffprobe().toString(), "-v", "error", "-count_frames", "-show_entries",
                "stream=codec_name,width,nb_read_frames", "-of", "csv=p=0", file.toString()).redirectErrorStream(true).start();
        String out = new String(probe.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertThat(probe.waitFor()).isZero();
        String[] fields = out.split(",");
        assertThat(fields[0]).isEqualTo("h264");
        assertThat(Integer.parseInt(fields[1])).isEqualTo(640);
        assertThat(Integer.parseInt(fields[2])).as("frames in one ~1 s segment").isBetween(20, 30);
        system.api("DELETE", "/api/v1/streams/" + stream.get("id").asString(), operator, null);
    }

    @Test
    @Order(7)
    void aCameraThatDropsIsReconnectedAndViewersGetTheNewStream() {
        TestViewer viewer = TestViewer.connect(url(system.startStream(operator, "main")));
        await().atMost(Duration.ofSeconds(20)).until(() -> viewer.binaries.size() >= 10);
        system.camera.kill();
        await().atMost(Duration.ofSeconds(15)).until(() -> viewer.texts.stream()
                .anyMatch(t -> t.get("type").asString().equals("status") && t.get("state").asString().equals("RECONNECTING")));
        system.camera.restart();
        await().atMost(Duration.ofSeconds(30)).until(() -> viewer.texts.stream()
                .anyMatch(t -> t.get("type").asString().equals("init") && t.get("generation").asInt() >= 2));
        int after = viewer.binaries.size();
        await().atMost(Duration.ofSeconds(10)).until(() -> viewer.binaries.size() > after + 10);
        assertThat(viewer.closed).isNotDone();
        viewer.close();
    }

    private static long mediaSequence(String playlist) {
        return Long.parseLong(playlist.replaceAll("(?s).*#EXT-X-MEDIA-SEQUENCE:(\\d+).*", "$1"));
    }

    private static int segmentsListed(String playlist) {
        return (int) playlist.lines().filter(l -> l.startsWith("#EXTINF")).count();
    }

    private static String path(String url) {
        java.net.URI uri = java.net.URI.create(url);
        return uri.getRawPath() + "?" + uri.getRawQuery();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    /**
     * Issue 19 item 6: a camera's sound reaches live viewers only while an administrator has it on (off by default);
     * the switch is followed within seconds by a new init section (MSE codecs with mp4a.40.2, then without).
     */
    @Test
    @Order(30)
    void aCamerasSoundReachesLiveViewersOnlyWhileItIsTurnedOn() throws Exception {
        try (ae.rta.cctv.testsupport.RtspTestCamera mic = ae.rta.cctv.testsupport.RtspTestCamera.startWithAudio("aac")) {
            String cameraId = system.addCamera("Live camera with a microphone " + mic.port(), mic.url());
            watchSound(mic, cameraId);
        }
    }

    private void watchSound(ae.rta.cctv.testsupport.RtspTestCamera mic, String cameraId) throws Exception {
        try (TestViewer viewer = TestViewer.connect(url(system.startStreamOfNewCamera(operator, cameraId, "main")))) {
            await().atMost(Duration.ofSeconds(20)).until(() -> inits(viewer).size() >= 1);
            assertThat(inits(viewer).getFirst()).as("sound is off by default").doesNotContain("mp4a");

            ServiceHttp.Response refused = system.api("PUT", "/api/v1/cameras/" + cameraId + "/audio", operator,
                    "{\"enabled\":true}");
            assertThat(refused.status()).as("turning sound on names its approval: " + refused.body()).isEqualTo(400);
            ServiceHttp.Response on = system.api("PUT", "/api/v1/cameras/" + cameraId + "/audio", operator,
                    "{\"enabled\":true,\"approval\":\"RTA-PRIV-2026-0142\"}");
            assertThat(on.status()).as(on.body()).isEqualTo(200);
            assertThat(on.body()).contains("\"audioEnabled\":true").contains("RTA-PRIV-2026-0142");
            long turnedOn = System.nanoTime();
            await().atMost(Duration.ofSeconds(20)).until(() -> inits(viewer).stream().anyMatch(m -> m.contains("mp4a.40.2")));
            System.out.printf("live sound %d ms after it was turned on%n", (System.nanoTime() - turnedOn) / 1_000_000);
            int initAt = binaryIndexOfLastInit(viewer);
            await().atMost(Duration.ofSeconds(20)).until(() -> viewer.binaries.size() >= initAt + 50);
            Path file = dir.resolve("live-with-sound.mp4");
            try (OutputStream out = Files.newOutputStream(file)) {
                for (byte[] b : viewer.binaries.subList(initAt, initAt + 50)) {
                    out.write(b);
                }
            }
            Process probe = new ProcessBuilder(Ffmpeg.ffprobe().toString(), "-v", "error", "-show_entries",
                    "stream=codec_name", "-of", "csv=p=0", file.toString()).redirectErrorStream(true).start();
            assertThat(new String(probe.getInputStream().readAllBytes()).strip().lines().toList())
                    .as("what a viewer got decodes as picture and sound").containsExactly("h264", "aac");

            assertThat(system.api("PUT", "/api/v1/cameras/" + cameraId + "/audio", operator, "{\"enabled\":false}")
                    .status()).isEqualTo(200);
            int initsBefore = inits(viewer).size();
            await().atMost(Duration.ofSeconds(20)).until(() -> inits(viewer).size() > initsBefore
                    && !inits(viewer).getLast().contains("mp4a"));
            String audit = system.api("GET", "/api/v1/audit?action=CAMERA_CHANGE", operator, null).body();
            assertThat(audit).contains("audio on for camera").contains("RTA-PRIV-2026-0142").contains("audio off for camera");
        }
    }

    /* The MIME types of the init sections a viewer was sent, in order. */
    private static List<String> inits(TestViewer viewer) {
        return viewer.texts.stream().filter(t -> t.get("type").asString().equals("init"))
                .map(t -> t.get("mime").asString()).toList();
    }

    /* Where the newest init section (ftyp) is among the binary messages. */
    private static int binaryIndexOfLastInit(TestViewer viewer) {
        List<byte[]> all = List.copyOf(viewer.binaries);
        for (int i = all.size() - 1; i >= 0; i--) {
            if (TestViewer.type(all.get(i)).equals("ftyp")) {
                return i;
            }
        }
        throw new AssertionError("no init section was sent");
    }
}
