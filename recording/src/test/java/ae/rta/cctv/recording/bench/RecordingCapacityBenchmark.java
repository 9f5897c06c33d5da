package ae.rta.cctv.recording.bench;

import ae.rta.cctv.common.CctvApplication;
import ae.rta.cctv.common.security.ServiceCredentials;
import ae.rta.cctv.embedded.FreePorts;
import ae.rta.cctv.embedded.PostgresEngine;
import ae.rta.cctv.embedded.RedisEngine;
import ae.rta.cctv.recording.RecordingApplication;
import ae.rta.cctv.storage.StorageApplication;
import ae.rta.cctv.vms.VmsApplication;
import com.sun.management.OperatingSystemMXBean;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * How many cameras this machine records at once: N simulated cameras (640x360, 25 fps, 1 Mbit/s, keyframe each
 * second, served by the demo simulator with no encoding) recorded with 60 s segments by the vms, storage and
 * recording services in this JVM on embedded PostgreSQL and Redis, for M minutes. Prints the CPU and memory per
 * camera and whether every camera's footage is whole (60 +/- 2 s segments, consecutive within 1 s, no gap records).
 *
 * <p>Usage: {@code RecordingCapacityBenchmark [cameras=50] [minutes=3]}
 */
public final class RecordingCapacityBenchmark {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String SECRET = "capacity-bench-secret-0123456789abcdef012345";

    public static void main(String[] args) throws Exception {
        int cameras = args.length > 0 ? Integer.parseInt(args[0]) : 50;
        int minutes = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        Path data = Files.createTempDirectory("capacity-bench");
        Path clips = Files.createDirectories(data.resolve("clips"));
        run("ffmpeg", "-hide_banner", "-loglevel", "error", "-y", "-f", "lavfi", "-i", "testsrc2=size=640x360:rate=25",
                "-t", "10", "-c:v", "libx264", "-preset", "veryfast", "-profile:v", "baseline", "-b:v", "1M", "-maxrate", "1M",
                "-bufsize", "2M", "-g", "25", "-keyint_min", "25", "-sc_threshold", "0", "-x264-params", "aud=1",
                "-bsf:v", "h264_mp4toannexb", "-f", "h264", clips.resolve("cam-0.h264").toString());
        for (int i = 1; i < cameras; i++) {
            Files.copy(clips.resolve("cam-0.h264"), clips.resolve("cam-" + i + ".h264"), StandardCopyOption.REPLACE_EXISTING);
        }
        Path script = data.resolve("simulator.py");
        try (InputStream in = RecordingCapacityBenchmark.class.getResourceAsStream(
                "/ae/rta/cctv/vms/adapter/out/simulator/simulator.py")) {
            Files.copy(in, script);
        }
        int rtsp = FreePorts.pick();
        Process simulator = new ProcessBuilder("/usr/bin/python3", script.toString(), Integer.toString(rtsp), clips.toString(), "25")
                .redirectErrorStream(true).redirectOutput(data.resolve("simulator.log").toFile()).start();
        try (PostgresEngine pg = PostgresEngine.start(data.resolve("pg"), 0); RedisEngine redis = RedisEngine.start(data.resolve("redis"), 0)) {
            Map<String, Object> common = new HashMap<>(Map.of("server.port", "0", "cctv.demo", "false",
                    "cctv.db.url", pg.jdbcUrl(), "cctv.db.username", pg.username(), "cctv.db.password", pg.password(),
                    "cctv.security.service-secret", SECRET, "cctv.redis.url", redis.url(), "cctv.data-dir", data.toString(),
                    "logging.structured.format.console", "", "logging.level.root", "WARN"));
            common.put("cctv.recording.default-mode", "CONTINUOUS");
            ConfigurableApplicationContext vms = CctvApplication.builder(VmsApplication.class, "vms", common).run();
            ConfigurableApplicationContext storage = CctvApplication.builder(StorageApplication.class, "storage", common).run();
            String vmsUrl = "http://127.0.0.1:" + port(vms);
            post(vmsUrl + "/internal/agencies", "{\"code\":\"METRO\",\"name\":\"Metro\"}");
            for (int i = 0; i < cameras; i++) {
                post(vmsUrl + "/internal/cameras", JSON.writeValueAsString(Map.of("name", "Bench camera " + i, "agency", "METRO",
                        "source", Map.of("type", "rtsp", "url", "rtsp://127.0.0.1:" + rtsp + "/sim/cam-" + i))));
            }
            Map<String, Object> recordingProps = new HashMap<>(common);
            recordingProps.put("cctv.services.vms.url", vmsUrl);
            recordingProps.put("cctv.services.storage.url", "http://127.0.0.1:" + port(storage));
            Instant start = Instant.now();
            ConfigurableApplicationContext recording = CctvApplication.builder(RecordingApplication.class, "recording",
                    recordingProps).run();
            OperatingSystemMXBean os = ManagementFactory.getPlatformMXBean(OperatingSystemMXBean.class);
            Thread.sleep(20_000);
            long jvmCpu0 = os.getProcessCpuTime();
            double ffmpegCpu0 = ffmpegCpu();
            Duration simCpu0 = simulator.toHandle().info().totalCpuDuration().orElse(Duration.ZERO);
            long wall0 = System.nanoTime();
            long rssSamples = 0;
            long rssTotal = 0;
            double systemLoad = 0;
            int loadSamples = 0;
            long deadline = System.nanoTime() + Duration.ofMinutes(minutes).toNanos();
            while (System.nanoTime() < deadline) {
                Thread.sleep(10_000);
                long rss = ffmpegRss();
                if (rss > 0) {
                    rssTotal += rss;
                    rssSamples++;
                }
                systemLoad += os.getCpuLoad();
                loadSamples++;
            }
            double wall = (System.nanoTime() - wall0) / 1e9;
            double jvm = (os.getProcessCpuTime() - jvmCpu0) / 1e9 / wall;
            double ffmpeg = (ffmpegCpu() - ffmpegCpu0) / wall;
            double sim = (simulator.toHandle().info().totalCpuDuration().orElse(Duration.ZERO).minus(simCpu0).toNanos() / 1e9) / wall;
            int recordingNow = JSON.readTree(get("http://127.0.0.1:" + port(recording) + "/internal/recorders")).get("cameras").size();
            recording.close();
            Thread.sleep(3000);

            String storageUrl = "http://127.0.0.1:" + port(storage);
            int whole = 0;
            int segmentsTotal = 0;
            List<String> problems = new ArrayList<>();
            for (JsonNode c : JSON.readTree(get(vmsUrl + "/internal/cameras")).get("items")) {
                String id = c.get("id").asString();
                JsonNode segments = JSON.readTree(get(storageUrl + "/internal/cameras/" + id + "/segments?start=" + start.minusSeconds(60)
                        + "&end=" + Instant.now().plusSeconds(60))).get("items");
                JsonNode gaps = JSON.readTree(get(storageUrl + "/internal/cameras/" + id + "/recordings?start=" + start.minusSeconds(60)
                        + "&end=" + Instant.now().plusSeconds(60))).get("gaps");
                segmentsTotal += segments.size();
                boolean ok = gaps.isEmpty() && segments.size() >= minutes;
                for (int i = 0; i < segments.size(); i++) {
                    Instant s = Instant.parse(segments.get(i).get("start").asString());
                    Instant e = Instant.parse(segments.get(i).get("end").asString());
                    long length = Duration.between(s, e).toMillis();
                    if (i > 0 && i < segments.size() - 1 && Math.abs(length - 60_000) > 2_000) {
                        ok = false;
                        problems.add(c.get("name").asString() + ": segment " + i + " lasts " + length + " ms");
                    }
                    if (i > 0 && Duration.between(Instant.parse(segments.get(i - 1).get("end").asString()), s).toMillis() >= 1000) {
                        ok = false;
                        problems.add(c.get("name").asString() + ": " + Duration.between(Instant.parse(segments.get(i - 1)
                                .get("end").asString()), s).toMillis() + " ms between segments " + (i - 1) + " and " + i);
                    }
                }
                whole += ok ? 1 : 0;
            }
            int cores = Runtime.getRuntime().availableProcessors();
            System.out.printf(Locale.ROOT, "recording capacity: %d cameras of 640x360 25 fps 1 Mbit/s, 60 s segments, %d min on %d cores%n",
                    cameras, minutes, cores);
            System.out.printf(Locale.ROOT, "recorded at once: %d; cameras with whole footage: %d of %d; segments: %d%n",
                    recordingNow, whole, cameras, segmentsTotal);
            System.out.printf(Locale.ROOT, "CPU: FFmpeg %.1f%% of a core in all (%.2f%% per camera), services JVM %.1f%% (%.2f%% per camera), "
                    + "simulator %.1f%%, machine load %.0f%%%n", ffmpeg * 100, ffmpeg * 100 / cameras, jvm * 100, jvm * 100 / cameras,
                    sim * 100, systemLoad / Math.max(1, loadSamples) * 100);
            System.out.printf(Locale.ROOT, "memory: FFmpeg %.1f MB RSS per camera%n",
                    rssSamples == 0 ? 0 : rssTotal / (double) rssSamples / cameras / 1e6);
            problems.stream().limit(10).forEach(p -> System.out.println("  " + p));
            storage.close();
            vms.close();
        } finally {
            simulator.destroy();
        }
        System.exit(0);
    }

    private static double ffmpegCpu() {
        return ProcessHandle.current().descendants().filter(p -> p.info().command().orElse("").endsWith("ffmpeg"))
                .mapToDouble(p -> p.info().totalCpuDuration().orElse(Duration.ZERO).toNanos() / 1e9).sum();
    }

    private static long ffmpegRss() {
        return ProcessHandle.current().descendants().filter(p -> p.info().command().orElse("").endsWith("ffmpeg"))
                .mapToLong(p -> {
                    try {
                        for (String line : Files.readAllLines(Path.of("/proc/" + p.pid() + "/status"))) {
                            if (line.startsWith("VmRSS:")) {
                                return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
                            }
                        }
                    } catch (Exception e) {
                        return 0;
                    }
                    return 0;
                }).sum();
    }

    private static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    private static String token() {
        return new ServiceCredentials("bench", SECRET, Clock.systemUTC()).token();
    }

    private static String get(String url) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token())
                .build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    private static void post(String url, String json) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + token()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() >= 300 && r.statusCode() != 409) {
            throw new IllegalStateException(url + " -> " + r.statusCode() + " " + r.body());
        }
    }

    private static void run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (p.waitFor() != 0) {
            throw new IllegalStateException(out);
        }
    }
}
