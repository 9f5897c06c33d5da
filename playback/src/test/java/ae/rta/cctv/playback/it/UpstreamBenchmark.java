package ae.rta.cctv.playback.it;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Locale;

/**
 * Acceptance 4 of the playback issue as a figure: {@code GET /api/v1/playback} for ranges storage does not hold,
 * first (fetched from the simulator's upstream replay: the answer waits for the first 2 s segment) and again
 * (cache hit). vms (demo simulator), storage, playback (6 s pieces) and api in one JVM. Usage: UpstreamBenchmark
 * [ranges=5] [repeats=20]
 */
public final class UpstreamBenchmark {

    public static void main(String[] args) throws Exception {
        int ranges = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        int repeats = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        PlaybackSystem system = PlaybackSystem.get();
        String admin = system.token("admin");
        String camera = system.onlineSimulatorCamera(admin);
        Instant base = Instant.now().minus(Duration.ofDays(3)).truncatedTo(ChronoUnit.HOURS);
        long[] first = new long[ranges];
        long[] again = new long[ranges * repeats];
        for (int i = 0; i < ranges; i++) {
            Instant start = base.plus(Duration.ofMinutes(10L * i)).plusSeconds(1);
            Instant end = start.plusSeconds(10);
            long t0 = System.nanoTime();
            system.playOk(admin, camera, start, end);
            first[i] = System.nanoTime() - t0;
            Thread.sleep(8000); // let both pieces complete before asking again
            for (int r = 0; r < repeats; r++) {
                t0 = System.nanoTime();
                system.playOk(admin, camera, start, end);
                again[i * repeats + r] = System.nanoTime() - t0;
            }
        }
        Arrays.sort(first);
        Arrays.sort(again);
        double firstP50 = first[ranges / 2] / 1e6;
        double againP50 = again[again.length / 2] / 1e6;
        double againP95 = again[(int) Math.ceil(again.length * 0.95) - 1] / 1e6;
        System.out.printf(Locale.ROOT, "upstream, not cached (%d ranges of 10 s): p50 %.0f ms, min %.0f ms, max %.0f ms%n",
                ranges, firstP50, first[0] / 1e6, first[ranges - 1] / 1e6);
        System.out.printf(Locale.ROOT, "upstream, cached (%d answers): p50 %.1f ms, p95 %.1f ms%n", again.length, againP50, againP95);
        System.out.printf(Locale.ROOT, "ratio (first p50 / cached p50): %.0fx%n", firstP50 / againP50);
        System.exit(0);
    }

    private UpstreamBenchmark() {
    }
}
