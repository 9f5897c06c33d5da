package ae.rta.cctv.streamcounter.bench;

import ae.rta.cctv.common.domain.AgencyCode;
import ae.rta.cctv.common.domain.CameraId;
import ae.rta.cctv.common.redis.RedisConnector;
import ae.rta.cctv.embedded.RedisEngine;
import ae.rta.cctv.streamcounter.adapter.out.redis.RedisQuotaStore;
import ae.rta.cctv.streamcounter.domain.Limits;
import ae.rta.cctv.streamcounter.domain.ReserveResult;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalInt;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Reserve+release pairs against a local redis-server, from several concurrent callers sharing one connection (as
 * the service does). Prints operations per second (a pair is two operations) and latency percentiles per operation.
 * Run with {@code bench/quota-store.sh [callers] [seconds]}.
 */
public final class QuotaStoreBenchmark {

    public static void main(String[] args) throws Exception {
        int callers = args.length > 0 ? Integer.parseInt(args[0]) : 16;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        try (RedisEngine redis = RedisEngine.start(null, 0)) {
            try (RedisConnector connector = RedisConnector.create(redis.url())) {
                RedisQuotaStore store = new RedisQuotaStore(connector);
                run(store, callers, 2);
                Result result = run(store, callers, seconds);
                double opsPerSecond = result.operations / (result.elapsedNanos / 1e9);
                System.out.printf("quota store: %d callers, %d s: %.0f operations/s (reserve+release pairs: %.0f/s)%n",
                        callers, seconds, opsPerSecond, opsPerSecond / 2);
                System.out.printf("latency per operation: p50 %.3f ms, p99 %.3f ms, p99.9 %.3f ms, max %.3f ms%n",
                        result.percentile(50), result.percentile(99), result.percentile(99.9), result.percentile(100));
            }
        }
    }

    record Result(long operations, long elapsedNanos, long[] latencies) {
        double percentile(double p) {
            int index = (int) Math.min(latencies.length - 1, Math.ceil(p / 100.0 * latencies.length) - 1);
            return latencies[Math.max(0, index)] / 1e6;
        }
    }

    private static Result run(RedisQuotaStore store, int callers, int seconds) throws Exception {
        AgencyCode agency = new AgencyCode("BENCH");
        Limits limits = new Limits(1_000_000, 1_000_000, OptionalInt.empty());
        long deadline = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        long start = System.nanoTime();
        List<Future<long[]>> workers = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(callers)) {
            for (int w = 0; w < callers; w++) {
                workers.add(pool.submit(() -> {
                    long[] samples = new long[1 << 20];
                    int n = 0;
                    CameraId camera = CameraId.random();
                    while (System.nanoTime() < deadline && n < samples.length - 1) {
                        Instant now = Instant.now();
                        long t0 = System.nanoTime();
                        ReserveResult r = store.reserve(agency, camera, UUID.randomUUID().toString(), limits, now,
                                Duration.ofSeconds(30));
                        long t1 = System.nanoTime();
                        store.release(((ReserveResult.Granted) r).id(), now);
                        long t2 = System.nanoTime();
                        samples[n++] = t1 - t0;
                        samples[n++] = t2 - t1;
                    }
                    return Arrays.copyOf(samples, n);
                }));
            }
        }
        long elapsed = System.nanoTime() - start;
        long[] all = workers.stream().map(f -> {
            try {
                return f.get();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).flatMapToLong(Arrays::stream).sorted().toArray();
        return new Result(all.length, elapsed, all);
    }
}
