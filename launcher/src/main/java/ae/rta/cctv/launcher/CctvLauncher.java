package ae.rta.cctv.launcher;

import ae.rta.cctv.common.CctvApplication;
import ae.rta.cctv.embedded.PostgresEngine;
import ae.rta.cctv.embedded.RedisEngine;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import ae.rta.cctv.common.web.RequestIdFilter;
import org.slf4j.MDC;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Runs the CCTV system: every service in this JVM, each as its own Spring application on its own port, with
 * embedded PostgreSQL and Redis under the data directory unless external ones are configured. Stops everything,
 * child processes included, on Ctrl-C or SIGTERM.
 */
public final class CctvLauncher implements AutoCloseable {

    private final LauncherSettings settings;
    private final Deque<AutoCloseable> running = new ArrayDeque<>();
    private volatile boolean closed;

    CctvLauncher(LauncherSettings settings) {
        this.settings = settings;
    }

    public static void main(String[] args) {
        LauncherSettings settings;
        try {
            settings = LauncherSettings.from(args, System.getenv());
        } catch (IllegalArgumentException e) {
            System.err.println("cctv: " + e.getMessage());
            System.exit(2);
            return;
        }
        CctvLauncher launcher = new CctvLauncher(settings);
        Runtime.getRuntime().addShutdownHook(new Thread(launcher::close, "cctv-shutdown"));
        try {
            launcher.start();
        } catch (RuntimeException e) {
            System.err.println("cctv: start-up failed: " + e.getMessage());
            e.printStackTrace();
            launcher.close();
            System.exit(1);
        }
        launcher.printReady();
    }

    void start() {
        Map<String, Object> shared = new HashMap<>();
        shared.put("cctv.data-dir", settings.dataDir().toString());
        shared.put("cctv.demo", Boolean.toString(settings.demo()));
        // One JVM has one logging system: every line says "cctv" and names its service in "cctvService".
        shared.put("logging.structured.ecs.service.name", "cctv");
        shared.put("cctv.security.service-secret", settings.serviceSecret());
        for (ServiceSpec s : ServiceSpec.ALL) {
            shared.put("cctv.services." + s.name() + ".url", settings.url(s));
        }
        // What browsers are handed (stream and playlist URLs) and may connect to follows the ports chosen.
        shared.put("cctv.api.live-public-url", settings.publicUrl(ServiceSpec.named("live")));
        shared.put("cctv.playback.public-url", settings.publicUrl(ServiceSpec.named("playback")));
        shared.put("cctv.dashboard.media-origins", settings.mediaOrigins());
        startInfrastructure(shared);
        for (ServiceSpec service : settings.services()) {
            running.push(startService(service, shared));
        }
    }

    private void startInfrastructure(Map<String, Object> shared) {
        CompletableFuture<PostgresEngine> postgres = settings.embeddedPostgres()
                ? CompletableFuture.supplyAsync(() -> PostgresEngine.start(settings.dataDir().resolve("postgres"), 0))
                : CompletableFuture.completedFuture(null);
        CompletableFuture<RedisEngine> redis = settings.embeddedRedis()
                ? CompletableFuture.supplyAsync(() -> RedisEngine.start(settings.dataDir().resolve("redis"),
                        Integer.parseInt(settings.env().getOrDefault("CCTV_REDIS_PORT", "0"))))
                : CompletableFuture.completedFuture(null);
        PostgresEngine pg = postgres.join();
        if (pg != null) {
            running.push(pg);
            shared.put("cctv.db.url", pg.jdbcUrl());
            shared.put("cctv.db.username", pg.username());
            shared.put("cctv.db.password", pg.password());
        } else {
            shared.put("cctv.db.url", settings.dbUrl());
            shared.put("cctv.db.username", settings.dbUser());
            shared.put("cctv.db.password", settings.dbPassword());
        }
        RedisEngine rs = redis.join();
        if (rs != null) {
            running.push(rs);
            shared.put("cctv.redis.url", rs.url());
        } else {
            shared.put("cctv.redis.url", settings.redisUrl());
        }
    }

    private ConfigurableApplicationContext startService(ServiceSpec service, Map<String, Object> shared) {
        Map<String, Object> own = new HashMap<>(shared);
        own.put("server.port", Integer.toString(settings.port(service)));
        SpringApplicationBuilder builder = CctvApplication.builder(service.application(), service.name(), own)
                .registerShutdownHook(false);
        MDC.put(RequestIdFilter.SERVICE_MDC_KEY, service.name());
        try {
            return builder.run();
        } finally {
            MDC.remove(RequestIdFilter.SERVICE_MDC_KEY);
        }
    }

    private void printReady() {
        List<ServiceSpec> services = settings.services();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        for (ServiceSpec s : services) {
            awaitHealthy(http, s);
        }
        long uptime = ManagementFactory.getRuntimeMXBean().getUptime();
        StringBuilder out = new StringBuilder("\n  RTA CCTV is ready (").append(uptime / 1000.0).append(" s)\n\n");
        for (ServiceSpec s : services) {
            out.append(String.format("  %-15s http://127.0.0.1:%d%s%n", s.name(), settings.port(s),
                    s.name().equals("dashboard") ? "/" : "/health"));
        }
        out.append("\n  data:           ").append(settings.dataDir()).append('\n');
        if (settings.demo()) {
            out.append("  demo mode:      agencies DUBAI_POLICE, METRO, TAXI with 12 simulated cameras\n");
            out.append("  sign in as:     admin, police.operator, metro.viewer or auditor; password: the value of\n"
                    + "                  CCTV_DEMO_PASSWORD (default demo-password)\n");
        }
        out.append("  stop:           Ctrl-C\n");
        System.out.println(out);
    }

    private void awaitHealthy(HttpClient http, ServiceSpec s) {
        URI health = URI.create("http://127.0.0.1:" + settings.port(s) + "/health");
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(health).timeout(Duration.ofSeconds(5)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (Exception notYet) {
                // keep polling until the deadline
            }
            java.util.concurrent.locks.LockSupport.parkNanos(Duration.ofMillis(200).toNanos());
        }
        System.err.println("cctv: " + s.name() + " did not report healthy within 60 s: see " + health);
    }

    /** The running services' application contexts by service name (for tests that look inside the running system). */
    Map<String, ConfigurableApplicationContext> services() {
        Map<String, ConfigurableApplicationContext> services = new java.util.LinkedHashMap<>();
        for (AutoCloseable r : running) {
            if (r instanceof ConfigurableApplicationContext context) {
                services.put(context.getEnvironment().getProperty("spring.application.name"), context);
            }
        }
        return services;
    }

    /** Stops services in reverse start order, then the engines, then any child process still alive. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        while (!running.isEmpty()) {
            try {
                running.pop().close();
            } catch (Exception e) {
                System.err.println("cctv: error while stopping: " + e);
            }
        }
        ProcessHandle.current().descendants().forEach(ProcessHandle::destroy);
        ProcessHandle.current().descendants().forEach(p -> p.onExit()
                .completeOnTimeout(p, 5, java.util.concurrent.TimeUnit.SECONDS).join());
        ProcessHandle.current().descendants().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }
}
