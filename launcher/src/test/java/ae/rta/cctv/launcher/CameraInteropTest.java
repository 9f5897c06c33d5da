package ae.rta.cctv.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ae.rta.cctv.embedded.FreePorts;
import ae.rta.cctv.testsupport.Ffmpeg;
import ae.rta.cctv.testsupport.RtspTestCamera;
import ae.rta.cctv.testsupport.ServiceHttp;
import ae.rta.cctv.testsupport.ServiceHttp.Response;
import ae.rta.cctv.testsupport.ThirdPartyCameras;
import ae.rta.cctv.testsupport.ThirdPartyCameras.Media;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Camera-side software nobody on this project wrote, against the system as {@code ./cctv run} starts it (4 s
 * segments): GStreamer's RTSP server over TCP and over UDP only, VLC 3 as an RTSP server (UDP only) with H.264, H.265
 * and H.264 + AAC, and npm rtsp-streaming-server (UDP only, Basic login). Each is probed (codec, transport), recorded
 * without holes, played live (FFmpeg reads the live service's HLS) and played back to its end (FFmpeg decodes the
 * playback playlist). The matrix it proves is in docs/interop.md. Tagged interop: {@code ./cctv test --interop} runs
 * it; the default run leaves it out until it is steady on two cores (issue 19).
 */
@Tag("slow")
@Tag("interop")
final class CameraInteropTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final RtspTestCamera.Login LOGIN = new RtspTestCamera.Login("basic", "interop-viewer", "interop-S3cret");
    private static CctvLauncher launcher;
    private static ServiceHttp api;
    private static String admin;
    private static Path media;
    private static final List<AutoCloseable> cameras = new ArrayList<>();
    private static final Map<String, String> ids = new LinkedHashMap<>();
    private static final String WITH_SOUND = "vlc-h264_aac";
    private static Instant camerasAdded;

    @BeforeAll
    static void start() throws IOException {
        Path data = Files.createTempDirectory("camera-interop");
        media = Files.createTempDirectory("interop-media");
        // The cameras' media first (about 30 s of both cores for the H.265 file): made while the system runs, they
        // starved its recorders and the GStreamer cameras (FFmpeg reported speed=0.6x).
        for (Media m : Media.values()) {
            ThirdPartyCameras.media(media, m);
        }
        Map<String, String> env = new HashMap<>();
        for (ServiceSpec s : ServiceSpec.ALL) {
            env.put(s.portVariable(), Integer.toString(FreePorts.pick()));
        }
        env.put("CCTV_SERVICE_SECRET", "camera-interop-test-secret-0123456789abcdef");
        System.setProperty("cctv.recording.segment-length", "PT4S");
        // The demo's own cameras are not recorded here (two cores): only the interop cameras, set to CONTINUOUS.
        System.setProperty("cctv.recording.default-mode", "OFF");
        launcher = new CctvLauncher(LauncherSettings.from(new String[] {"--data-dir=" + data}, env));
        launcher.start();
        api = new ServiceHttp(Integer.parseInt(env.get(ServiceSpec.named("api").portVariable())));
        Response login = api.post("/api/v1/auth/login", "{\"username\":\"admin\",\"password\":\"demo-password\"}");
        assertThat(login.status()).as(login.body()).isEqualTo(200);
        admin = JSON.readTree(login.body()).get("accessToken").asString();

        RtspTestCamera tcp = RtspTestCamera.start();
        RtspTestCamera udp = RtspTestCamera.startUdpOnly();
        cameras.addAll(List.of(tcp, udp));
        add("gstreamer-tcp", Map.of("type", "rtsp", "url", tcp.url()));
        add("gstreamer-udp", Map.of("type", "rtsp", "url", udp.url()));
        for (Media m : Media.values()) {
            ThirdPartyCameras.Server vlc = ThirdPartyCameras.vlc(ThirdPartyCameras.media(media, m));
            cameras.add(vlc);
            add("vlc-" + m.name().toLowerCase(java.util.Locale.ROOT), Map.of("type", "rtsp", "url", vlc.url()));
        }
        // Issue 19 item 6: the camera with a microphone keeps its sound, as an administrator allows it.
        Response sound = api.send("PUT", "/api/v1/cameras/" + ids.get(WITH_SOUND) + "/audio",
                "{\"enabled\":true,\"approval\":\"RTA-PRIV-INTEROP-1\"}",
                Map.of("Authorization", "Bearer " + admin, "Content-Type", "application/json"));
        assertThat(sound.status()).as(sound.body()).isEqualTo(200);
        ThirdPartyCameras.Server npm = ThirdPartyCameras.rtspStreamingServer(ThirdPartyCameras.media(media, Media.H264), LOGIN);
        cameras.add(npm);
        add("npm-basic", Map.of("type", "rtsp", "url", npm.url(), "username", LOGIN.username(), "password", LOGIN.password()));
        camerasAdded = Instant.now();
    }

    @AfterAll
    static void stop() throws Exception {
        System.clearProperty("cctv.recording.segment-length");
        System.clearProperty("cctv.recording.default-mode");
        for (AutoCloseable c : cameras) {
            c.close();
        }
        if (launcher != null) {
            launcher.close();
        }
    }

    private static void add(String name, Map<String, String> source) {
        Response added = api.send("POST", "/api/v1/cameras", JSON.writeValueAsString(Map.of("name", name, "agency", "TAXI",
                "source", source)), Map.of("Authorization", "Bearer " + admin, "Content-Type", "application/json"));
        assertThat(added.status()).as(name + " " + added.body()).isEqualTo(201);
        String id = JSON.readTree(added.body()).get("id").asString();
        Response recorded = api.send("PUT", "/api/v1/cameras/" + id + "/recording", "{\"mode\":\"CONTINUOUS\"}",
                Map.of("Authorization", "Bearer " + admin, "Content-Type", "application/json"));
        assertThat(recorded.status()).as(recorded.body()).isEqualTo(200);
        ids.put(name, id);
    }

    private static JsonNode get(String path) {
        Response r = api.get(path, Map.of("Authorization", "Bearer " + admin));
        assertThat(r.status()).as(path + " " + r.body()).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    @Test
    void everyThirdPartyCameraIsProbedRecordedPlayedLiveAndPlayedBack() throws Exception {
        Map<String, String> expectedCodec = Map.of("vlc-h265", "H.265");
        Map<String, String> results = new LinkedHashMap<>();
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
            for (String name : ids.keySet()) {
                JsonNode camera = get("/api/v1/cameras/" + ids.get(name));
                assertThat(camera.get("recording").asBoolean()).as(name + ": " + camera).isTrue();
            }
        });
        for (Map.Entry<String, String> c : ids.entrySet()) {
            String name = c.getKey();
            JsonNode camera = get("/api/v1/cameras/" + c.getValue());
            assertThat(camera.get("status").asString()).as(name).isEqualTo("ONLINE");
            assertThat(camera.get("codec").asString()).as(name).isEqualTo(expectedCodec.getOrDefault(name, "H.264"));
            assertThat(camera.get("transport").asString()).as(name)
                    .isEqualTo(name.equals("gstreamer-tcp") ? "tcp" : "udp");
            if (name.equals(WITH_SOUND)) {
                assertThat(camera.get("audio").asBoolean()).as("the camera's audio is seen").isTrue();
                assertThat(camera.get("audioEnabled").asBoolean()).isTrue();
            }
        }
        for (Map.Entry<String, String> c : ids.entrySet()) {
            results.put(c.getKey(), "live " + liveFrames(c.getKey(), c.getValue()) + " frames; playback "
                    + playback(c.getKey(), c.getValue()));
        }
        results.forEach((k, v) -> System.out.printf("interop %-14s %s%n", k, v));

        // Acceptance of issue 19: a UDP-only camera records: coverage of its last 2 minutes >= 0.9 after 3 minutes.
        await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofSeconds(1))
                .until(() -> Instant.now().isAfter(camerasAdded.plus(Duration.ofMinutes(3))));
        Instant now = Instant.now();
        for (Map.Entry<String, String> c : ids.entrySet()) {
            if (!"udp".equals(get("/api/v1/cameras/" + c.getValue()).get("transport").asString())) {
                continue;
            }
            JsonNode r = get("/api/v1/cameras/" + c.getValue() + "/recordings?start=" + now.minus(Duration.ofMinutes(2))
                    + "&end=" + now);
            System.out.printf("interop %-14s UDP only: coverage of the last 2 minutes after 3 minutes %.3f%n",
                    c.getKey(), r.get("coverage").asDouble());
            assertThat(r.get("coverage").asDouble()).as(c.getKey() + ": " + r).isGreaterThanOrEqualTo(0.9);
        }
    }

    /* Reserves a live stream and lets FFmpeg read its HLS for 3 s: how many frames it decoded. */
    private static long liveFrames(String name, String camera) throws Exception {
        Response started = api.send("POST", "/api/v1/streams", "{\"cameraId\":\"" + camera + "\"}",
                Map.of("Authorization", "Bearer " + admin, "Content-Type", "application/json"));
        assertThat(started.status()).as(started.body()).isEqualTo(201);
        JsonNode stream = JSON.readTree(started.body());
        try {
            // The live service starts its pull on the first viewer: the first reads may find no segment yet.
            long[] frames = {0};
            await().atMost(Duration.ofSeconds(40)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
                frames[0] = frames(List.of("-t", "3", "-i", stream.get("urls").get("hls").asString()));
                assertThat(frames[0]).as("live frames of " + camera).isGreaterThan(25);
            });
            assertThat(streams(stream.get("urls").get("hls").asString())).as(name + ": live streams")
                    .isEqualTo(name.equals(WITH_SOUND) ? "h264,aac" : expectedVideo(name));
            return frames[0];
        } finally {
            api.send("DELETE", "/api/v1/streams/" + stream.get("id").asString(), null, Map.of("Authorization", "Bearer " + admin));
        }
    }

    /* Plays back the recorded range of the newest segments to its end: decoded frames against the range's own. */
    private static String playback(String name, String camera) throws Exception {
        JsonNode range = await().atMost(Duration.ofSeconds(30)).until(() -> {
            List<JsonNode> found = ranges(camera);
            // the newest stored range (the range being written now, "recording": true, is not stored yet)
            List<JsonNode> stored = found.stream().filter(r -> !r.path("recording").asBoolean(false)).toList();
            return stored.isEmpty() ? null : stored.getLast();
        }, r -> r != null && Duration.between(Instant.parse(r.get("start").asString()),
                Instant.parse(r.get("end").asString())).toSeconds() >= 16);
        // The newest 15 s of it: the first seconds of the suite are its busiest (seven cameras, VLC and node starting
        // on two cores), and a starved test camera's encoder drops frames that no recorder can have.
        Instant end = Instant.parse(range.get("end").asString()).minusSeconds(1);
        Instant start = java.util.Collections.max(List.of(Instant.parse(range.get("start").asString()).plusSeconds(1),
                end.minusSeconds(15)));
        JsonNode answer = get("/api/v1/playback?cameraId=" + camera + "&start=" + start + "&end=" + end);
        assertThat(answer.get("source").asString()).isEqualTo("LOCAL");
        long expected = Duration.between(start, end).toMillis() * 25 / 1000;
        // the frames each player got (HlsPlayers: FFmpeg's null muxer would count the duplicates its frame rate conversion makes)
        StringBuilder said = new StringBuilder();
        for (ae.rta.cctv.testsupport.HlsPlayers.Played played : List.of(
                ae.rta.cctv.testsupport.HlsPlayers.ffmpeg(answer.get("playlistUrl").asString()),
                ae.rta.cctv.testsupport.HlsPlayers.vlc(answer.get("playlistUrl").asString()))) {
            said.append(said.isEmpty() ? "" : ", ").append(played.player()).append(' ').append(played.frames());
            // The range starts and ends 1 s inside the recorded one; frames lost on the camera's UDP leg are not the
            // player's. Floor: 85 % (VLC-served cameras over UDP: 88 % recorded, an open defect of issue 19).
            assertThat(played.frames()).as(name + ": frames " + played.player() + " played back of " + expected)
                    .isGreaterThanOrEqualTo((int) (expected * 85 / 100));
        }
        assertThat(streams(answer.get("playlistUrl").asString())).as(name + ": played-back streams")
                .isEqualTo(name.equals(WITH_SOUND) ? "h264,aac" : expectedVideo(name));
        if (name.equals(WITH_SOUND)) {
            said.append("; export ").append(export(camera, start, end));
        }
        return said + " of " + expected + " frames";
    }

    private static String expectedVideo(String name) {
        return name.equals("vlc-h265") ? "hevc" : "h264";
    }

    /* Exports the range and says what the MP4 holds: its streams, as ffprobe reads them. */
    private static String export(String camera, Instant start, Instant end) throws Exception {
        Map<String, String> auth = Map.of("Authorization", "Bearer " + admin, "Content-Type", "application/json");
        Response created = api.send("POST", "/api/v1/exports", "{\"cameraId\":\"" + camera + "\",\"start\":\"" + start
                + "\",\"end\":\"" + end + "\"}", auth);
        assertThat(created.status()).as(created.body()).isEqualTo(202);
        String id = JSON.readTree(created.body()).get("id").asString();
        JsonNode done = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
                .until(() -> get("/api/v1/exports/" + id), j -> "DONE".equals(j.get("status").asString())
                        || "FAILED".equals(j.get("status").asString()));
        assertThat(done.get("status").asString()).as(done.toString()).isEqualTo("DONE");
        Path file = media.resolve("export-" + id + ".mp4");
        java.net.http.HttpResponse<Path> r = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest
                .newBuilder(java.net.URI.create(done.get("downloadUrl").asString())).build(),
                java.net.http.HttpResponse.BodyHandlers.ofFile(file));
        assertThat(r.statusCode()).isEqualTo(200);
        String streams = streams(file.toString());
        assertThat(streams).as("the export keeps the sound").isEqualTo("h264,aac");
        return streams;
    }

    /* The codecs of what ffprobe reads at the URL or path, comma-separated ("h264,aac"). */
    private static String streams(String input) throws Exception {
        Process p = new ProcessBuilder(Ffmpeg.ffprobe().toString(), "-v", "error", "-show_entries", "stream=codec_name",
                "-of", "csv=p=0", input).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        return String.join(",", out.strip().lines().map(String::strip).filter(l -> !l.isEmpty()).distinct().toList());
    }

    private static List<JsonNode> ranges(String camera) {
        JsonNode r = get("/api/v1/cameras/" + camera + "/recordings?start=" + Instant.now().minusSeconds(600) + "&end="
                + Instant.now());
        List<JsonNode> out = new ArrayList<>();
        r.get("ranges").forEach(out::add);
        return out;
    }

    /* FFmpeg decodes what the arguments name and counts the video frames it decoded. */
    private static long frames(List<String> input) throws Exception {
        List<String> command = new ArrayList<>(List.of(Ffmpeg.ffmpeg().toString(), "-hide_banner", "-loglevel", "info"));
        command.addAll(input);
        command.addAll(List.of("-map", "0:v:0", "-f", "null", "-"));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("frame=\\s*(\\d+)").matcher(output);
        long frames = 0;
        while (m.find()) {
            frames = Long.parseLong(m.group(1));
        }
        return frames;
    }
}
