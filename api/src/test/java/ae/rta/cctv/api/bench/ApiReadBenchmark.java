package ae.rta.cctv.api.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Open-loop load on authenticated read routes of a running api service: requests are fired at a fixed rate whatever
 * the answers do, each from its own virtual thread, and latency is measured from when the request was due (so a
 * stall counts against every request it delays). Signs in a set of users spread over the demo agencies, then runs
 * each route in turn after a warm-up, and prints p50/p95/p99/max.
 *
 * <p>Usage: {@code ApiReadBenchmark <base-url> <admin-password> [rate=500] [seconds=20] [users=20]}
 */
public final class ApiReadBenchmark {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public static void main(String[] args) throws Exception {
        String base = args[0];
        String password = args[1];
        int rate = args.length > 2 ? Integer.parseInt(args[2]) : 500;
        int seconds = args.length > 3 ? Integer.parseInt(args[3]) : 20;
        int userCount = args.length > 4 ? Integer.parseInt(args[4]) : 20;

        String admin = login(base, "admin", password);
        String[] agencies = {"DUBAI_POLICE", "METRO", "TAXI"};
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < userCount; i++) {
            String name = "bench.user" + i;
            String body = JSON.writeValueAsString(java.util.Map.of("username", name, "password", "bench-password-" + i,
                    "role", "OPERATOR", "agency", agencies[i % agencies.length]));
            send(base, "POST", "/api/v1/users", admin, body); // 201, or 409 when an earlier run made it
            tokens.add(login(base, name, "bench-password-" + i));
        }
        System.out.printf(Locale.ROOT, "api read benchmark: %s, %d users, open loop at %d requests/s, %d s per route%n",
                base, userCount, rate, seconds);
        for (String path : List.of("/api/v1/me", "/api/v1/cameras")) {
            run(base, path, tokens, rate, Math.min(5, seconds), false);
            run(base, path, tokens, rate, seconds, true);
        }
    }

    private static void run(String base, String path, List<String> tokens, int rate, int seconds, boolean report)
            throws InterruptedException {
        int total = rate * seconds;
        long[] latencies = new long[total];
        AtomicInteger errors = new AtomicInteger();
        long interval = 1_000_000_000L / rate;
        long start = System.nanoTime() + 50_000_000L;
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < total; i++) {
                long due = start + i * interval;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                }
                int n = i;
                String token = tokens.get(i % tokens.size());
                threads.execute(() -> {
                    int status = send(base, "GET", path, token, null).statusCode();
                    latencies[n] = System.nanoTime() - due;
                    if (status != 200) {
                        errors.incrementAndGet();
                    }
                });
            }
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        if (report) {
            Arrays.sort(latencies);
            System.out.printf(Locale.ROOT,
                    "GET %-16s requests=%d achieved=%.0f/s errors=%d p50=%.2f ms p95=%.2f ms p99=%.2f ms max=%.2f ms%n",
                    path, total, total / elapsed, errors.get(), ms(latencies, 0.50), ms(latencies, 0.95),
                    ms(latencies, 0.99), latencies[total - 1] / 1e6);
        }
    }

    private static double ms(long[] sorted, double quantile) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(quantile * sorted.length) - 1)] / 1e6;
    }

    private static String login(String base, String user, String password) {
        HttpResponse<String> r = send(base, "POST", "/api/v1/auth/login", null,
                JSON.writeValueAsString(java.util.Map.of("username", user, "password", password)));
        if (r.statusCode() != 200) {
            throw new IllegalStateException("sign-in of " + user + " failed: " + r.statusCode() + " " + r.body());
        }
        JsonNode body = JSON.readTree(r.body());
        return body.get("accessToken").asString();
    }

    private static HttpResponse<String> send(String base, String method, String path, String token, String json) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        if (json != null) {
            b.header("Content-Type", "application/json");
        }
        try {
            return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
