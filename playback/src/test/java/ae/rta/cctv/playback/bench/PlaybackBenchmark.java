package ae.rta.cctv.playback.bench;

import ae.rta.cctv.playback.it.PlaybackBenchFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/**
 * Acceptance 2 of the playback issue, ours against the reference design's way in one run on one machine: one hour of
 * footage (640x360, 25 fps, 1 keyframe/s) imported, then (a) {@code GET /api/v1/playback} plus its playlist, timed
 * over N requests, and (b) FFmpeg transmuxing the same stored hour to HLS ({@code -c copy -f hls}), as the reference
 * does before it can answer. Usage: PlaybackBenchmark [requests=100]
 */
public final class PlaybackBenchmark {

    public static void main(String[] args) throws Exception {
        int requests = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        Path dir = Files.createTempDirectory("playback-bench");
        try (PlaybackBenchFixture fixture = PlaybackBenchFixture.importedHour(dir)) {
            for (int i = 0; i < 200; i++) {
                fixture.answerAndPlaylist(); // warm-up: JIT, connection pools, caches (a running system is warm)
            }
            long[] nanos = new long[requests];
            long[] answers = new long[requests];
            long bytes = 0;
            for (int i = 0; i < requests; i++) {
                long t0 = System.nanoTime();
                bytes = fixture.answerAndPlaylist();
                nanos[i] = System.nanoTime() - t0;
                answers[i] = fixture.lastAnswerNanos;
            }
            Arrays.sort(nanos);
            Arrays.sort(answers);
            double p50 = nanos[requests / 2] / 1e6;
            double p95 = nanos[(int) Math.ceil(requests * 0.95) - 1] / 1e6;
            double max = nanos[requests - 1] / 1e6;
            System.out.printf(Locale.ROOT, "  of which the api's answer: p50 %.1f ms, p95 %.1f ms%n", answers[requests / 2] / 1e6,
                    answers[(int) Math.ceil(requests * 0.95) - 1] / 1e6);
            System.out.printf(Locale.ROOT, "ours: playback answer + playlist of 1 h, %d requests: p50 %.1f ms, p95 %.1f ms, max %.1f ms (playlist %d bytes)%n",
                    requests, p50, p95, max, bytes);

            fixture.hops(50).forEach((hop, ms) -> System.out.printf(Locale.ROOT, "  hop %-18s p50 %.1f ms%n", hop, ms));

            long t0 = System.nanoTime();
            fixture.transmuxToHls(dir.resolve("hls"));
            double transmuxMs = (System.nanoTime() - t0) / 1e6;
            System.out.printf(Locale.ROOT, "reference way: FFmpeg transmux of the same hour to HLS (-c copy): %.0f ms%n", transmuxMs);
            System.out.printf(Locale.ROOT, "ratio (transmux / our p95): %.0fx%n", transmuxMs / p95);

            t0 = System.nanoTime();
            fixture.transmuxFromStoreToHls(dir.resolve("hls-from-store"));
            double fromStoreMs = (System.nanoTime() - t0) / 1e6;
            System.out.printf(Locale.ROOT, "reference way from the store: FFmpeg reads the 60 stored files over HTTP and transmuxes: %.0f ms%n",
                    fromStoreMs);
            System.out.printf(Locale.ROOT, "ratio (transmux from the store / our p95): %.0fx%n", fromStoreMs / p95);
        } finally {
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private PlaybackBenchmark() {
    }
}
