package ae.rta.cctv.live.it;

import ae.rta.cctv.live.application.LiveMetrics;
import io.micrometer.core.instrument.distribution.CountAtBucket;
import io.micrometer.core.instrument.distribution.HistogramSnapshot;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import tools.jackson.databind.JsonNode;

/**
 * Fan-out: N WebSocket viewers of one camera (x264 noise held at the given bitrate, a keyframe a second), all in
 * this JVM with the services. For each N: the server's ingest-to-send p50/p99 (its own histogram), the viewers'
 * arrival latency p50/p99 (ingest to message received, same clock), the share of keyframes every viewer received,
 * the share of all fragments delivered (the rest were skipped for slow viewers), bytes out per second, and the CPU
 * this JVM used (server and clients together; FFmpeg and the camera are separate processes).
 *
 * <p>Usage: bench/live-fanout.sh [viewerCounts=100,250,500,1000] [measureSeconds=10] [bitrateKbps=2000]
 */
public final class LiveFanoutBenchmark {

    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    public static void main(String[] args) throws Exception {
        String[] counts = (args.length > 0 ? args[0] : "100,250,500,1000").split(",");
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        int bitrate = args.length > 2 ? Integer.parseInt(args[2]) : 2000;
        LiveSystem system = LiveSystem.create(bitrate, Map.of("cctv.stream-counter.ttl", "PT10M"), Map.of());
        try {
            String admin = system.token("admin");
            system.api("PUT", "/api/v1/quota-settings", admin, "{\"cameraLimit\":5000}");
            system.api("PUT", "/api/v1/quotas/METRO", admin, "{\"limit\":5000}");
            LiveMetrics metrics = system.live.getBean(LiveMetrics.class);
            System.out.printf("camera: 640x360 25 fps, x264 noise at %d kbit/s, keyframe every 25 frames; %d cores%n",
                    bitrate, Runtime.getRuntime().availableProcessors());
            System.out.println("viewers | server ingest-to-send p50/p99 ms | arrival p50/p99 ms | keyframes received (worst viewer) "
                    + "| fragments delivered | out MB/s | JVM CPU cores");
            List<Viewer> viewers = new ArrayList<>();
            for (String c : counts) {
                int n = Integer.parseInt(c.trim());
                while (viewers.size() < n) {
                    JsonNode stream = system.startStream(admin, "main");
                    viewers.add(Viewer.connect(stream.get("urls").get("mse").asString() + "&timing=1"));
                }
                Thread.sleep(5000); // warm up: every viewer joined and past its first group of pictures
                measure(n, seconds, viewers, metrics);
            }
            viewers.forEach(Viewer::close);
        } finally {
            system.close();
        }
        System.exit(0);
    }

    private static void measure(int n, int seconds, List<Viewer> viewers, LiveMetrics metrics) throws InterruptedException {
        HistogramSnapshot before = metrics.ingestToSend().takeSnapshot();
        Arrival.reset();
        long bytesBefore = viewers.stream().mapToLong(v -> v.bytes.get()).sum();
        long fragmentsBefore = viewers.stream().mapToLong(v -> v.fragments.get()).sum();
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpuBefore = os.getProcessCpuTime();
        long start = System.currentTimeMillis();
        long startNanos = System.nanoTime();
        Thread.sleep(seconds * 1000L);
        long end = System.currentTimeMillis();
        double wall = (System.nanoTime() - startNanos) / 1e9;
        double cpu = (os.getProcessCpuTime() - cpuBefore) / 1e9 / wall;
        HistogramSnapshot after = metrics.ingestToSend().takeSnapshot();
        Thread.sleep(1500); // let what was sent in the window arrive

        // Keyframes ingested in the window (known from the notices every viewer gets), and who received each.
        Set<Long> expected = new ConcurrentSkipListSet<>();
        Viewer.keyframeIngest.forEach((t, at) -> {
            if (at >= start && at <= end) {
                expected.add(t);
            }
        });
        double worst = 1.0;
        int failed = 0;
        String failure = "";
        for (Viewer v : viewers.subList(0, n)) {
            if (v.closedWith != null) {
                failed++; // the viewer's WebSocket client failed (reported below); its keyframes are not counted
                failure = v.closedWith;
                continue;
            }
            long got = expected.stream().filter(v.keyframes::contains).count();
            worst = Math.min(worst, expected.isEmpty() ? 0 : (double) got / expected.size());
        }
        long fragments = viewers.stream().mapToLong(v -> v.fragments.get()).sum() - fragmentsBefore;
        long ingested = Math.round(seconds * 25.0);
        double delivered = (double) fragments / ((double) ingested * n);
        double mbps = (viewers.stream().mapToLong(v -> v.bytes.get()).sum() - bytesBefore) / 1e6 / wall;
        System.out.printf(Locale.ROOT, "%7d | %14.2f / %-14.2f | %6d / %-9d | %5.1f %% of %d | %6.1f %% | %8.1f | %.2f%n",
                n, percentile(before, after, 0.50), percentile(before, after, 0.99), Arrival.percentile(0.50),
                Arrival.percentile(0.99), worst * 100, expected.size(), Math.min(100, delivered * 100), mbps, cpu);
        if (failed > 0) {
            System.out.printf("        %d of %d viewers' clients failed before or during the window: %s%n", failed, n, failure);
        }
    }

    /* A percentile of what the timer recorded between two snapshots, to the upper bound of its histogram bucket. */
    private static double percentile(HistogramSnapshot before, HistogramSnapshot after, double q) {
        CountAtBucket[] a = after.histogramCounts();
        CountAtBucket[] b = before.histogramCounts();
        double total = a[a.length - 1].count() - b[b.length - 1].count();
        if (total <= 0) {
            return Double.NaN;
        }
        for (int i = 0; i < a.length; i++) {
            double cumulative = a[i].count() - b[i].count();
            if (cumulative >= q * total) {
                return a[i].bucket(TimeUnit.MILLISECONDS);
            }
        }
        return Double.POSITIVE_INFINITY;
    }

    /** Arrival latency in whole milliseconds, over all viewers. */
    private static final class Arrival {
        private static final AtomicLongArray buckets = new AtomicLongArray(10_001);

        static void record(long millis) {
            buckets.incrementAndGet((int) Math.max(0, Math.min(10_000, millis)));
        }

        static void reset() {
            for (int i = 0; i < buckets.length(); i++) {
                buckets.set(i, 0);
            }
        }

        static long percentile(double q) {
            long total = 0;
            for (int i = 0; i < buckets.length(); i++) {
                total += buckets.get(i);
            }
            long seen = 0;
            for (int i = 0; i < buckets.length(); i++) {
                seen += buckets.get(i);
                if (seen >= q * total && total > 0) {
                    return i;
                }
            }
            return -1;
        }
    }

    private static final class Viewer implements WebSocket.Listener {
        static final Map<Long, Long> keyframeIngest = new ConcurrentHashMap<>();
        final AtomicLong bytes = new AtomicLong();
        final AtomicLong fragments = new AtomicLong();
        final Set<Long> keyframes = ConcurrentHashMap.newKeySet();
        private final StringBuilder text = new StringBuilder();
        private long pendingT = -1;
        private long pendingAt;
        private boolean pendingKey;
        private WebSocket socket;

        static Viewer connect(String url) {
            Viewer v = new Viewer();
            v.socket = CLIENT.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10))
                    .buildAsync(URI.create(url), v).orTimeout(30, TimeUnit.SECONDS).join();
            return v;
        }

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            text.append(data);
            if (last) {
                String s = text.toString();
                text.setLength(0);
                if (s.startsWith("{\"type\":\"frame\"")) {
                    pendingT = Math.round(Double.parseDouble(field(s, "\"t\":", ',')) * 1000);
                    pendingAt = Long.parseLong(field(s, "\"at\":", ','));
                    pendingKey = s.contains("\"key\":true");
                }
            }
            ws.request(1);
            return null;
        }

        private static String field(String s, String name, char end) {
            int from = s.indexOf(name) + name.length();
            return s.substring(from, s.indexOf(end, from));
        }

        @Override
        public CompletionStage<?> onBinary(WebSocket ws, ByteBuffer data, boolean last) {
            bytes.addAndGet(data.remaining());
            if (last && pendingT >= 0) {
                fragments.incrementAndGet();
                Arrival.record(System.currentTimeMillis() - pendingAt);
                if (pendingKey) {
                    keyframes.add(pendingT);
                    keyframeIngest.putIfAbsent(pendingT, pendingAt);
                }
                pendingT = -1;
            }
            ws.request(1);
            return null;
        }

        volatile String closedWith;

        @Override
        public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
            closedWith = statusCode + " " + reason;
            return null;
        }

        @Override
        public void onError(WebSocket ws, Throwable error) {
            closedWith = error.toString() + (error.getCause() != null ? " caused by " + error.getCause() : "");
        }

        void close() {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").orTimeout(5, TimeUnit.SECONDS).exceptionally(e -> null);
        }
    }

    private LiveFanoutBenchmark() {
    }

    static {
        CompletableFuture.runAsync(() -> { }); // common pool up before the first measurement
    }
}
