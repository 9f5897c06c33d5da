package ae.rta.cctv.streamcounter.adapter.in.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ae.rta.cctv.common.security.ServiceCredentials;
import ae.rta.cctv.embedded.RedisEngine;
import ae.rta.cctv.testsupport.ServiceHttp;
import ae.rta.cctv.testsupport.ServiceHttp.Response;
import ae.rta.cctv.testsupport.TestEngines;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Redis goes away under load and comes back: reservations fail closed with 503, never 500, and recover by themselves. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=cctv-common,stream-counter", "spring.application.name=stream-counter"})
final class QuotaStoreOutageTest {

    private static final RedisEngine REDIS = RedisEngine.start(null, 0);

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void engines(DynamicPropertyRegistry registry) {
        TestEngines.registerPostgres(registry);
        registry.add("cctv.redis.url", REDIS::url);
    }

    @AfterAll
    static void stopRedis() {
        REDIS.close();
    }

    private Map<String, String> auth() {
        String token = new ServiceCredentials("api", TestEngines.SERVICE_SECRET, Clock.systemUTC()).token();
        return Map.of("Authorization", "Bearer " + token, "Content-Type", "application/json");
    }

    private Response reserve(ServiceHttp http) {
        return http.send("POST", "/internal/reservations", "{\"agency\":\"OUTAGE\",\"cameraId\":\"" + UUID.randomUUID()
                + "\",\"requestId\":\"" + UUID.randomUUID() + "\"}", auth());
    }

    @Test
    void reservationsFailClosedWhileRedisIsAwayAndRecoverWhenItReturns() throws Exception {
        ServiceHttp http = new ServiceHttp(port);
        Response held = reserve(http);
        assertThat(held.status()).isEqualTo(201);
        String heldId = held.body().replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");

        Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
        AtomicBoolean running = new AtomicBoolean(true);
        try (ExecutorService load = Executors.newFixedThreadPool(4)) {
            for (int i = 0; i < 4; i++) {
                load.submit(() -> {
                    while (running.get()) {
                        Response r = reserve(http);
                        statuses.computeIfAbsent(r.status(), s -> new AtomicInteger()).incrementAndGet();
                        if (r.status() == 201) {
                            String id = r.body().replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");
                            int released = http.send("DELETE", "/internal/reservations/" + id, null, auth()).status();
                            statuses.computeIfAbsent(released, s -> new AtomicInteger()).incrementAndGet();
                        }
                    }
                    return null;
                });
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> statuses.containsKey(201));
            REDIS.stop();
            await().atMost(Duration.ofSeconds(20)).until(() -> reserve(http).status() == 503);
            Response refused = reserve(http);
            assertThat(refused.status()).isEqualTo(503);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.body()).contains("Valkey/Redis");
            Response heartbeat = http.send("POST", "/internal/reservations/" + heldId + "/heartbeat", null, auth());
            assertThat(heartbeat.status()).isEqualTo(503);
            assertThat(http.get("/health").status()).isEqualTo(503);

            int grantedBefore = statuses.get(201).get();
            REDIS.start();
            await().atMost(Duration.ofSeconds(30)).until(() -> statuses.get(201).get() > grantedBefore + 10);
            running.set(false);
        }
        assertThat(statuses.keySet()).as("statuses seen: " + statuses).containsOnly(201, 204, 503);
        assertThat(http.get("/health").status()).isEqualTo(200);
        assertThat(http.get("/metrics").body()).contains("cctv_stream_counter_store_unavailable_total");
    }
}
