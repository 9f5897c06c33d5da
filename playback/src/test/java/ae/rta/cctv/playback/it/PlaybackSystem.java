package ae.rta.cctv.playback.it;

import static org.assertj.core.api.Assertions.assertThat;

import ae.rta.cctv.api.ApiApplication;
import ae.rta.cctv.common.CctvApplication;
import ae.rta.cctv.common.security.ServiceCredentials;
import ae.rta.cctv.playback.PlaybackApplication;
import ae.rta.cctv.storage.StorageApplication;
import ae.rta.cctv.testsupport.Ffmpeg;
import ae.rta.cctv.testsupport.ServiceHttp;
import ae.rta.cctv.testsupport.TestEngines;
import ae.rta.cctv.vms.VmsApplication;
import ae.rta.cctv.vms.adapter.out.milestone.FakeXProtect;
import ae.rta.cctv.vms.adapter.out.onvif.FakeOnvifDevice;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * vms, storage, playback and api started once per test JVM against the shared PostgreSQL, footage stored on the
 * filesystem in a temporary folder. Tests import footage as an operator would and play it through the api. vms also
 * knows one XProtect server (the vms tests' fakes of its API Gateway and of its Open Network Bridge's ONVIF service).
 */
final class PlaybackSystem {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String PASSWORD = "demo-password-for-tests";
    static final String MILESTONE = "metro-xp";
    static final String BRIDGE_USER = "onb-user";
    static final String BRIDGE_PASSWORD = "onb-secret";
    private static PlaybackSystem instance;

    final Path data;
    final ConfigurableApplicationContext vms;
    final ConfigurableApplicationContext storage;
    final ConfigurableApplicationContext playback;
    final ConfigurableApplicationContext api;
    final ServiceHttp apiHttp;
    final ServiceHttp storageHttp;
    final FakeXProtect xprotect = new FakeXProtect("svc-cctv", "xp-secret", 3600);
    final FakeOnvifDevice bridge = new FakeOnvifDevice(BRIDGE_USER, BRIDGE_PASSWORD, Duration.ZERO, "rtsp://127.0.0.1:9/live");
    /** The clock of storage and playback, which serve links: tests move it on to make links expire. */
    final ae.rta.cctv.testsupport.MutableClock linkClock = ae.rta.cctv.testsupport.MutableClock.ticking();
    /** How often storage and playback ask the api again whether a link's grant holds. */
    static final Duration LINK_CHECK_INTERVAL = Duration.ofSeconds(2);

    private PlaybackSystem() {
        try {
            data = Files.createTempDirectory("playback-system");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // demo mode: the simulator's cameras stand for an upstream VMS that keeps recordings of any time
        Map<String, Object> vmsProperties = new HashMap<>(Map.of("cctv.demo", "true"));
        String xp = "cctv.vms.milestone[0].";
        vmsProperties.putAll(Map.of(xp + "id", MILESTONE, xp + "base-url", xprotect.baseUrl().toString(),
                xp + "username", "svc-cctv", xp + "password", "xp-secret", xp + "agency", "METRO",
                xp + "bridge-rtsp", "rtsp://127.0.0.1:9", xp + "bridge-onvif", bridge.deviceService(),
                xp + "bridge-username", BRIDGE_USER, xp + "bridge-password", BRIDGE_PASSWORD, xp + "sync-interval", "PT1H"));
        vms = CctvApplication.builder(VmsApplication.class, "vms", common(vmsProperties)).run();
        // storage and playback ask the api whether links' grants hold: it starts last, on a port chosen now
        String apiUrl = "http://127.0.0.1:" + freePort();
        // footage the tests import at fixed dates is kept: the retention sweep (a minute after start) would take what
        // is older than the default 30 days
        storage = CctvApplication.builder(StorageApplication.class, "storage", common(Map.of("cctv.demo", "false",
                "cctv.services.api.url", apiUrl, "cctv.storage.default-retention-days", "3650"))).initializers(c -> c.getBeanFactory().registerSingleton("clock", linkClock))
                .run();
        storageHttp = new ServiceHttp(port(storage));
        playback = CctvApplication.builder(PlaybackApplication.class, "playback", common(Map.of(
                "cctv.demo", "false",
                "cctv.services.storage.url", url(storage),
                "cctv.services.vms.url", url(vms),
                "cctv.services.api.url", apiUrl,
                "cctv.playback.upstream-piece", "PT6S")))
                .initializers(c -> c.getBeanFactory().registerSingleton("clock", linkClock)).run();
        Map<String, Object> apiProperties = new HashMap<>(Map.of(
                "server.port", apiUrl.substring(apiUrl.lastIndexOf(':') + 1),
                "cctv.demo", "true",
                "cctv.demo-password", PASSWORD,
                "cctv.services.vms.url", url(vms),
                "cctv.services.storage.url", url(storage),
                "cctv.services.playback.url", url(playback),
                "cctv.api.argon2.memory-kib", "1024",
                "cctv.api.argon2.iterations", "1"));
        apiProperties.put("cctv.api.camera-refresh", "PT0.2S");
        apiProperties.put("cctv.api.rate-limit.user-per-second", "100000");
        apiProperties.put("cctv.api.rate-limit.user-burst", "100000");
        api = CctvApplication.builder(ApiApplication.class, "api", common(apiProperties)).run();
        apiHttp = new ServiceHttp(port(api));
        new ServiceHttp(port(vms)).send("POST", "/internal/agencies", "{\"code\":\"METRO\",\"name\":\"Metro\"}", internalAuth());
    }

    static synchronized PlaybackSystem get() {
        if (instance == null) {
            instance = new PlaybackSystem();
            Runtime.getRuntime().addShutdownHook(new Thread(instance::close, "playback-system-stop"));
        }
        return instance;
    }

    private Map<String, Object> common(Map<String, Object> extra) {
        Map<String, Object> p = new HashMap<>(Map.of("server.port", "0",
                "cctv.db.url", TestEngines.postgres().jdbcUrl(), "cctv.db.username", TestEngines.postgres().username(),
                "cctv.db.password", TestEngines.postgres().password(),
                "cctv.security.service-secret", TestEngines.SERVICE_SECRET,
                "cctv.redis.url", TestEngines.redis().url(), "cctv.data-dir", data.toString(),
                "logging.structured.format.console", ""));
        p.put("cctv.storage.public-url", "http://127.0.0.1:${local.server.port}"); // resolved when a link is signed
        p.put("cctv.playback.public-url", "http://127.0.0.1:${local.server.port}");
        p.put("cctv.playback.link-check-interval", LINK_CHECK_INTERVAL.toString());
        p.putAll(extra);
        return p;
    }

    private static int freePort() {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    static String url(ConfigurableApplicationContext context) {
        return "http://127.0.0.1:" + port(context);
    }

    static Map<String, String> internalAuth() {
        String token = new ServiceCredentials("api", TestEngines.SERVICE_SECRET, Clock.systemUTC()).token();
        return Map.of("Authorization", "Bearer " + token, "Content-Type", "application/json");
    }

    /** Registers a camera of METRO (its RTSP source is never pulled: these tests import footage). */
    String addCamera(String name) {
        ServiceHttp.Response added = new ServiceHttp(port(vms)).send("POST", "/internal/cameras", JSON.writeValueAsString(Map.of(
                "name", name, "agency", "METRO", "source", Map.of("type", "rtsp", "url", "rtsp://127.0.0.1:9/none"))),
                internalAuth());
        assertThat(added.status()).as(added.body()).isEqualTo(201);
        return knownToTheApi(JSON.readTree(added.body()).get("id").asString());
    }

    /** Adds a camera to the fake XProtect's inventory and synchronises it into vms (agency METRO). */
    String addMilestoneCamera(String guid, String name) {
        xprotect.put(new FakeXProtect.XpCamera(guid, name, false, true));
        ServiceHttp vmsHttp = new ServiceHttp(port(vms));
        ServiceHttp.Response sync = vmsHttp.send("POST", "/internal/milestone/" + MILESTONE + "/sync", null, internalAuth());
        assertThat(sync.status()).as(sync.body()).isEqualTo(200);
        for (JsonNode c : JSON.readTree(vmsHttp.get("/internal/cameras", internalAuth()).body()).get("items")) {
            if (c.get("name").asString().equals(name)) {
                return knownToTheApi(c.get("id").asString());
            }
        }
        throw new AssertionError("the sync did not add " + name + ": " + sync.body());
    }

    /* The api reads the camera list from vms every camera-refresh: wait until it knows the new one. */
    private String knownToTheApi(String id) {
        String token = token("admin");
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> apiHttp.get("/api/v1/cameras/" + id,
                Map.of("Authorization", "Bearer " + token)).status() == 200);
        return id;
    }

    /** Stores {@code file} (MP4) as the camera's footage from {@code start}, as the import route does. */
    void importFootage(String camera, Instant start, Path file) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(url(storage) + "/internal/cameras/" + camera
                            + "/recordings/import?start=" + start))
                    .header("Authorization", internalAuth().get("Authorization")).header("Content-Type", "video/mp4")
                    .timeout(Duration.ofMinutes(5)).POST(HttpRequest.BodyPublishers.ofFile(file)).build();
            HttpResponse<String> r = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    String token(String username) {
        ServiceHttp.Response r = apiHttp.send("POST", "/api/v1/auth/login",
                JSON.writeValueAsString(Map.of("username", username, "password", PASSWORD)), Map.of("Content-Type", "application/json"));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return JSON.readTree(r.body()).get("accessToken").asString();
    }

    ServiceHttp.Response play(String token, String camera, String start, String end) {
        return apiHttp.get("/api/v1/playback?cameraId=" + camera + "&start=" + start + "&end=" + end,
                Map.of("Authorization", "Bearer " + token));
    }

    JsonNode playOk(String token, String camera, Instant start, Instant end) {
        ServiceHttp.Response r = play(token, camera, start.toString(), end.toString());
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    /**
     * A recording of {@code minutes} minutes made cheaply: one minute of 320x180 H.264 at 25 fps with a keyframe each
     * second, encoded once and joined by stream copy.
     */
    static Path footage(Path dir, int minutes) throws Exception {
        return footage(dir, minutes, "320x180");
    }

    static Path footage(Path dir, int minutes, String size) throws Exception {
        Path minute = dir.resolve("minute-" + size + ".mp4");
        if (!Files.exists(minute)) {
            run(Ffmpeg.ffmpeg().toString(), "-hide_banner", "-loglevel", "error", "-y", "-f", "lavfi", "-i",
                    "testsrc2=size=" + size + ":rate=25", "-t", "60", "-c:v", "libx264", "-preset", "ultrafast", "-g", "25",
                    "-keyint_min", "25", "-sc_threshold", "0", minute.toString());
        }
        Path list = dir.resolve("list-" + minutes + "-" + size + ".txt");
        Files.writeString(list, ("file '" + minute + "'\n").repeat(minutes));
        Path out = dir.resolve("footage-" + minutes + "-" + size + ".mp4");
        run(Ffmpeg.ffmpeg().toString(), "-hide_banner", "-loglevel", "error", "-y", "-f", "concat", "-safe", "0", "-i",
                list.toString(), "-c", "copy", out.toString());
        return out;
    }

    /** GET an absolute URL a player is given (a playlist, a signed media or cache link), with no credentials. */
    static ServiceHttp.Response getUrl(String url) {
        URI uri = URI.create(url);
        return new ServiceHttp(uri.getScheme() + "://" + uri.getAuthority()).get(uri.getRawPath() + "?" + uri.getRawQuery());
    }

    /** What FFmpeg makes of a playlist read end to end with stream copy: the output's duration in seconds. */
    static double remuxedSeconds(String playlistUrl, Path dir) throws Exception {
        Path out = dir.resolve("remuxed-" + System.nanoTime() + ".mp4");
        run(Ffmpeg.ffmpeg().toString(), "-hide_banner", "-loglevel", "error", "-y", "-allowed_extensions", "ALL",
                "-i", playlistUrl, "-c", "copy", out.toString());
        return probe(out, "format=duration");
    }

    /** One figure ffprobe gives of a file's first video stream, e.g. {@code format=duration}, {@code stream=nb_frames}. */
    static double probe(Path file, String entry) throws Exception {
        Process p = new ProcessBuilder(Ffmpeg.ffprobe().toString(), "-v", "error", "-select_streams", "v:0", "-show_entries",
                entry, "-of", "csv=p=0", file.toString()).redirectErrorStream(true).start();
        String text = new String(p.getInputStream().readAllBytes()).strip();
        p.waitFor();
        return Double.parseDouble(text);
    }

    /**
     * A demo (simulator) camera the api reports ONLINE, waiting up to 90 s for the simulator's RTSP server, which
     * encodes its clips and starts in the background. Simulator cameras stand for an upstream that keeps recordings.
     */
    String onlineSimulatorCamera(String token) {
        String[] found = new String[1];
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250)).until(() -> {
            for (JsonNode c : JSON.readTree(apiHttp.get("/api/v1/cameras?status=ONLINE",
                    Map.of("Authorization", "Bearer " + token)).body()).get("items")) {
                if ("simulator".equalsIgnoreCase(c.get("source").get("type").asString())) {
                    found[0] = c.get("id").asString();
                    return true;
                }
            }
            return false;
        });
        return found[0];
    }

    /**
     * Reads a playlist end to end with FFmpeg as a player would (from its first segment, while an EVENT playlist still
     * grows), stream copy into an MP4, and checks that the MP4 decodes without an error. @return the MP4
     */
    static Path readAndDecode(String playlistUrl) throws Exception {
        Path out = Files.createTempDirectory("playback-read").resolve("read.mp4");
        run(Ffmpeg.ffmpeg().toString(), "-hide_banner", "-loglevel", "error", "-y", "-live_start_index", "0",
                "-i", playlistUrl, "-c", "copy", out.toString());
        Process decode = new ProcessBuilder(Ffmpeg.ffmpeg().toString(), "-v", "error", "-i", out.toString(), "-f", "null", "-")
                .redirectErrorStream(true).start();
        String errors = new String(decode.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(decode.waitFor()).as(errors).isZero();
        return out;
    }

    static void run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        if (p.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
        }
    }

    void close() {
        api.close();
        playback.close();
        storage.close();
        vms.close();
        xprotect.close();
        bridge.close();
    }
}
