package ae.rta.cctv.playback.it;

import ae.rta.cctv.testsupport.Ffmpeg;
import ae.rta.cctv.testsupport.ServiceHttp;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** The playback system with one imported hour, for the benchmark (which lives outside this package). */
public final class PlaybackBenchFixture implements AutoCloseable {

    private static final Instant HOUR = Instant.parse("2026-10-01T08:00:00Z");
    private final PlaybackSystem system = PlaybackSystem.get();
    private final String camera;
    private final String token;
    private final Path hourFile;

    private PlaybackBenchFixture(Path dir) throws Exception {
        camera = system.addCamera("Benchmark camera " + System.nanoTime());
        hourFile = PlaybackSystem.footage(dir, 60, "640x360");
        system.importFootage(camera, HOUR, hourFile);
        token = system.token("admin");
    }

    public static PlaybackBenchFixture importedHour(Path dir) throws Exception {
        return new PlaybackBenchFixture(dir);
    }

    /* A player keeps its connection to the playlist's origin. */
    private final Map<String, ServiceHttp> players = new java.util.HashMap<>();

    /** Nanoseconds the last {@link #answerAndPlaylist()} spent waiting for the api's answer. */
    public long lastAnswerNanos;

    /** One operator's request: the api's answer, then its playlist. @return the playlist's size */
    public long answerAndPlaylist() {
        long t0 = System.nanoTime();
        JsonNode answer = system.playOk(token, camera, HOUR, HOUR.plus(Duration.ofHours(1)));
        lastAnswerNanos = System.nanoTime() - t0;
        URI uri = URI.create(answer.get("playlistUrl").asString());
        ServiceHttp.Response playlist = players.computeIfAbsent(uri.getScheme() + "://" + uri.getAuthority(), ServiceHttp::new)
                .get(uri.getRawPath() + "?" + uri.getRawQuery(), Map.of());
        if (playlist.status() != 200) {
            throw new IllegalStateException("playlist answered " + playlist.status() + ": " + playlist.body());
        }
        return playlist.body().length();
    }

    /**
     * Where the time of one request goes: each hop timed on its own, {@code n} times, medians in milliseconds: storage's
     * coverage, playback's answer (coverage included), the api's answer (playback's included), storage's playable
     * fragments, and the playlist (storage's playable included).
     */
    public Map<String, Double> hops(int n) {
        String range = "start=" + HOUR + "&end=" + HOUR.plus(Duration.ofHours(1));
        Map<String, String> internal = PlaybackSystem.internalAuth();
        ServiceHttp playback = new ServiceHttp(PlaybackSystem.port(system.playback));
        URI playlist = URI.create(system.playOk(token, camera, HOUR, HOUR.plus(Duration.ofHours(1))).get("playlistUrl").asString());
        Map<String, java.util.function.Supplier<ServiceHttp.Response>> calls = new java.util.LinkedHashMap<>();
        calls.put("storage coverage", () -> system.storageHttp.get("/internal/cameras/" + camera + "/recordings?" + range, internal));
        calls.put("playback answer", () -> playback.get("/internal/playback?camera=" + camera + "&" + range + "&grant="
                + java.util.UUID.randomUUID(), internal));
        calls.put("api answer", () -> system.play(token, camera, HOUR.toString(), HOUR.plus(Duration.ofHours(1)).toString()));
        calls.put("storage playable", () -> system.storageHttp.get("/internal/cameras/" + camera + "/playable?" + range
                + "&ttlSeconds=3600", internal));
        calls.put("playlist", () -> playback.get(playlist.getRawPath() + "?" + playlist.getRawQuery(), Map.of()));
        calls.put("api answer + playlist", () -> {
            system.play(token, camera, HOUR.toString(), HOUR.plus(Duration.ofHours(1)).toString());
            return playback.get(playlist.getRawPath() + "?" + playlist.getRawQuery(), Map.of());
        });
        Map<String, Double> medians = new java.util.LinkedHashMap<>();
        calls.forEach((name, call) -> {
            Map<String, double[]> before = serverTimes();
            long[] nanos = new long[n];
            for (int i = 0; i < n + 10; i++) {
                long t0 = System.nanoTime();
                ServiceHttp.Response r = call.get();
                if (r.status() != 200) {
                    throw new IllegalStateException(name + " answered " + r.status() + ": " + r.body());
                }
                if (i >= 10) {
                    nanos[i - 10] = System.nanoTime() - t0;
                }
            }
            java.util.Arrays.sort(nanos);
            medians.put(name, nanos[n / 2] / 1e6);
            Map<String, double[]> after = serverTimes();
            after.forEach((k, v) -> {
                double[] b = before.getOrDefault(k, new double[2]);
                if (v[0] > b[0]) {
                    System.out.printf(java.util.Locale.ROOT, "    [%s] server %s mean %.2f ms%n", name, k, (v[1] - b[1]) / (v[0] - b[0]));
                }
            });
        });
        return medians;
    }

    private Map<String, double[]> serverTimes() {
        Map<String, double[]> times = new java.util.TreeMap<>();
        for (var ctx : java.util.List.of(system.api, system.playback, system.storage)) {
            String svc = ctx.getEnvironment().getProperty("spring.application.name", "?");
            for (var t : ctx.getBean(io.micrometer.core.instrument.MeterRegistry.class).find("http.server.requests").timers()) {
                times.put(svc + " " + t.getId().getTag("uri"), new double[] {t.count(), t.totalTime(java.util.concurrent.TimeUnit.NANOSECONDS) / 1e6});
            }
        }
        return times;
    }

    /** What the reference design does before answering: the hour transmuxed to HLS segments. */
    public void transmuxToHls(Path out) throws Exception {
        Files.createDirectories(out);
        PlaybackSystem.run(Ffmpeg.ffmpeg().toString(), "-hide_banner", "-loglevel", "error", "-y", "-i", hourFile.toString(),
                "-c", "copy", "-f", "hls", "-hls_time", "4", "-hls_playlist_type", "vod", "-hls_segment_type", "fmp4",
                out.resolve("index.m3u8").toString());
    }

    /**
     * The reference design's own path: it keeps footage in object storage, so before it can transmux it reads the
     * stored files from the store. Here FFmpeg reads the hour's 60 stored files through storage's signed media links
     * (HTTP, as from MinIO) and transmuxes them to HLS.
     */
    public void transmuxFromStoreToHls(Path out) throws Exception {
        Files.createDirectories(out);
        JsonNode playable = PlaybackSystem.JSON.readTree(system.storageHttp.get("/internal/cameras/" + camera + "/playable?start="
                + HOUR + "&end=" + HOUR.plus(Duration.ofHours(1)) + "&ttlSeconds=3600", PlaybackSystem.internalAuth()).body());
        StringBuilder list = new StringBuilder("ffconcat version 1.0\n");
        for (JsonNode segment : playable.get("segments")) {
            list.append("file '").append(segment.get("url").asString()).append("'\n");
        }
        Path listFile = out.resolve("stored.ffconcat");
        Files.writeString(listFile, list);
        PlaybackSystem.run(Ffmpeg.ffmpeg().toString(), "-hide_banner", "-loglevel", "error", "-y", "-protocol_whitelist",
                "file,http,tcp", "-f", "concat", "-safe", "0", "-i", listFile.toString(), "-c", "copy", "-f", "hls", "-hls_time", "4",
                "-hls_playlist_type", "vod", "-hls_segment_type", "fmp4", out.resolve("index.m3u8").toString());
    }

    @Override
    public void close() {
        system.close();
    }
}
