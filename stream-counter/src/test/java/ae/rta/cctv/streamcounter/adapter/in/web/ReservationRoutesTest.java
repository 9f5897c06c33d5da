package ae.rta.cctv.streamcounter.adapter.in.web;

import static org.assertj.core.api.Assertions.assertThat;

import ae.rta.cctv.common.security.ServiceCredentials;
import ae.rta.cctv.testsupport.MutableClock;
import ae.rta.cctv.testsupport.ServiceHttp;
import ae.rta.cctv.testsupport.ServiceHttp.Response;
import ae.rta.cctv.testsupport.TestEngines;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=cctv-common,stream-counter", "spring.application.name=stream-counter",
                "cctv.stream-counter.housekeeping=PT1H"})
final class ReservationRoutesTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration TTL = Duration.ofSeconds(30);

    @TestConfiguration
    static class TestClock {
        @Bean
        MutableClock clock() {
            return new MutableClock(Instant.parse("2026-11-24T10:00:00Z"));
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    MutableClock clock;

    @DynamicPropertySource
    static void engines(DynamicPropertyRegistry registry) {
        TestEngines.registerPostgres(registry);
        TestEngines.registerRedis(registry);
    }

    private ServiceHttp http() {
        return new ServiceHttp(port);
    }

    private Map<String, String> auth() {
        String token = new ServiceCredentials("api", TestEngines.SERVICE_SECRET, clock).token();
        return Map.of("Authorization", "Bearer " + token, "Content-Type", "application/json");
    }

    private static String anAgency() {
        StringBuilder code = new StringBuilder("R");
        for (int i = 0; i < 10; i++) {
            code.append((char) ('A' + ThreadLocalRandom.current().nextInt(26)));
        }
        return code.toString();
    }

    private Response reserve(String agency, String camera, String requestId) {
        return http().send("POST", "/internal/reservations", JSON.writeValueAsString(
                Map.of("agency", agency, "cameraId", camera, "requestId", requestId)), auth());
    }

    private Response reserve(String agency) {
        return reserve(agency, UUID.randomUUID().toString(), UUID.randomUUID().toString());
    }

    private void setLimit(String agency, int limit) {
        Response r = http().send("PUT", "/internal/quotas/" + agency, "{\"limit\":" + limit + "}", auth());
        assertThat(r.status()).as(r.body()).isEqualTo(200);
    }

    private int active(String agency) {
        JsonNode body = JSON.readTree(http().send("GET", "/internal/quotas?agency=" + agency, null, auth()).body());
        for (JsonNode q : body.get("items")) {
            if (q.get("agency").asString().equals(agency)) {
                return q.get("active").asInt();
            }
        }
        throw new AssertionError("no quota for " + agency);
    }

    private static String id(Response r) {
        return JSON.readTree(r.body()).get("id").asString();
    }

    @Test
    void twoThousandConcurrentReservationsOverHttpAgainstALimitOfFiftyGrantExactlyFifty() throws Exception {
        String agency = anAgency();
        setLimit(agency, 50);
        List<Future<Response>> attempts = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(64)) {
            for (int i = 0; i < 2000; i++) {
                attempts.add(pool.submit(() -> reserve(agency)));
            }
        }
        List<String> granted = new ArrayList<>();
        int refused = 0;
        for (Future<Response> f : attempts) {
            Response r = f.get();
            if (r.status() == 201) {
                granted.add(id(r));
            } else {
                assertThat(r.status()).as(r.body()).isEqualTo(429);
                JsonNode problem = JSON.readTree(r.body());
                assertThat(problem.get("scope").asString()).isEqualTo("agency");
                assertThat(problem.get("limit").asInt()).isEqualTo(50);
                assertThat(problem.get("active").asInt()).isEqualTo(50);
                assertThat(r.headers().firstValue("Retry-After")).isPresent();
                refused++;
            }
        }
        assertThat(granted).hasSize(50).doesNotHaveDuplicates();
        assertThat(refused).isEqualTo(1950);
        assertThat(active(agency)).isEqualTo(50);
        for (String id : granted) {
            assertThat(http().send("DELETE", "/internal/reservations/" + id, null, auth()).status()).isEqualTo(204);
        }
        assertThat(active(agency)).isZero();
    }

    @Test
    void aReservationWithoutHeartbeatsLapsesAndAHeartbeatedOneOutlivesSeveralTtls() {
        String agency = anAgency();
        String silent = id(reserve(agency));
        String kept = id(reserve(agency));
        for (int i = 0; i < 4; i++) {
            clock.advance(TTL.dividedBy(3).multipliedBy(2));
            Response beat = http().send("POST", "/internal/reservations/" + kept + "/heartbeat", null, auth());
            assertThat(beat.status()).as("heartbeat " + i).isEqualTo(200);
            assertThat(Instant.parse(JSON.readTree(beat.body()).get("expiresAt").asString()))
                    .isEqualTo(clock.instant().plus(TTL));
        }
        assertThat(http().send("POST", "/internal/reservations/" + silent + "/heartbeat", null, auth()).status())
                .isEqualTo(404);
        assertThat(active(agency)).isEqualTo(1);
    }

    @Test
    void aLimitLoweredBelowTheActiveCountAdmitsNobodyUntilTheCountDropsUnderIt() {
        String agency = anAgency();
        setLimit(agency, 5);
        List<String> held = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            held.add(id(reserve(agency)));
        }
        setLimit(agency, 2);
        Response full = reserve(agency);
        assertThat(full.status()).isEqualTo(429);
        assertThat(JSON.readTree(full.body()).get("active").asInt()).isEqualTo(5);
        for (int i = 0; i < 3; i++) {
            http().send("DELETE", "/internal/reservations/" + held.get(i), null, auth());
        }
        Response stillFull = reserve(agency);
        assertThat(stillFull.status()).isEqualTo(429);
        assertThat(JSON.readTree(stillFull.body()).get("limit").asInt()).isEqualTo(2);
        http().send("DELETE", "/internal/reservations/" + held.get(3), null, auth());
        assertThat(reserve(agency).status()).isEqualTo(201);
    }

    @Test
    void aRetriedReserveReturnsTheSameReservationAndCountsOnce() {
        String agency = anAgency();
        String camera = UUID.randomUUID().toString();
        Response first = reserve(agency, camera, "client-request-1");
        Response retry = reserve(agency, camera, "client-request-1");
        assertThat(id(retry)).isEqualTo(id(first));
        assertThat(active(agency)).isEqualTo(1);
    }

    @Test
    void theCameraViewerLimitAndBadInputAnswerClearly() {
        String agency = anAgency();
        String camera = UUID.randomUUID().toString();
        Response settings = http().send("PUT", "/internal/quota-settings", "{\"cameraLimit\":2}", auth());
        assertThat(settings.status()).as(settings.body()).isEqualTo(200);
        try {
            reserve(agency, camera, "a");
            reserve(agency, camera, "b");
            Response full = reserve(agency, camera, "c");
            assertThat(full.status()).isEqualTo(429);
            assertThat(JSON.readTree(full.body()).get("scope").asString()).isEqualTo("camera");
        } finally {
            http().send("PUT", "/internal/quota-settings", "{\"cameraLimit\":100}", auth());
        }
        assertThat(http().send("POST", "/internal/reservations/not-an-id/heartbeat", null, auth()).status()).isEqualTo(400);
        assertThat(http().send("DELETE", "/internal/reservations/" + agency + "." + camera + "." + UUID.randomUUID(), null,
                auth()).status()).isEqualTo(404);
        assertThat(http().send("PUT", "/internal/quotas/" + agency, "{\"limit\":-1}", auth()).status()).isEqualTo(400);
        assertThat(http().send("POST", "/internal/reservations", "{\"agency\":\"x\"}", auth()).status()).isEqualTo(400);
        assertThat(http().post("/internal/reservations", "{}").status()).as("no service credential").isEqualTo(401);
    }

    @Test
    void grantsRejectionsExpirationsAndScriptLatencyAreMeasured() {
        String agency = anAgency();
        setLimit(agency, 1);
        reserve(agency);
        reserve(agency);
        clock.advance(TTL.plusSeconds(1));
        reserve(agency);
        String metrics = http().get("/metrics").body();
        // Grants and rejections are registered at 0 when the agency is first seen, so the figures are what counts.
        assertThat(metrics).contains("cctv_stream_counter_grants_total{agency=\"" + agency + "\",service=\"stream-counter\"} 2.0")
                .contains("cctv_stream_counter_rejections_total{agency=\"" + agency + "\",reason=\"agency\",service=\"stream-counter\"} 1.0")
                .contains("cctv_stream_counter_expirations_total")
                .contains("cctv_stream_counter_script_seconds_bucket{script=\"reserve\"");
    }
}
