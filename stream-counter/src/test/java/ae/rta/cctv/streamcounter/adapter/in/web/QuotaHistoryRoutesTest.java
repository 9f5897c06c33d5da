package ae.rta.cctv.streamcounter.adapter.in.web;

import static org.assertj.core.api.Assertions.assertThat;

import ae.rta.cctv.common.security.ServiceCredentials;
import ae.rta.cctv.streamcounter.application.QuotaSampler;
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

/** The per-minute history of peak live counts and limits behind the dashboard's 24-hour chart. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=cctv-common,stream-counter", "spring.application.name=stream-counter",
                "cctv.stream-counter.housekeeping=PT1H", "cctv.stream-counter.sample-interval=PT1000H"})
final class QuotaHistoryRoutesTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Instant START = Instant.parse("2026-11-20T10:00:20Z");

    @TestConfiguration
    static class TestClock {
        @Bean
        MutableClock clock() {
            return new MutableClock(START);
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    MutableClock clock;

    @Autowired
    QuotaSampler sampler;

    @DynamicPropertySource
    static void engines(DynamicPropertyRegistry registry) {
        TestEngines.registerPostgres(registry);
        TestEngines.registerRedis(registry);
    }

    private Response send(String method, String path, String body) {
        String token = new ServiceCredentials("api", TestEngines.SERVICE_SECRET, clock).token();
        return new ServiceHttp(port).send(method, path, body,
                Map.of("Authorization", "Bearer " + token, "Content-Type", "application/json"));
    }

    private static String anAgency() {
        StringBuilder code = new StringBuilder("H");
        for (int i = 0; i < 10; i++) {
            code.append((char) ('A' + ThreadLocalRandom.current().nextInt(26)));
        }
        return code.toString();
    }

    private void reserve(String agency) {
        Response r = send("POST", "/internal/reservations", JSON.writeValueAsString(
                Map.of("agency", agency, "cameraId", UUID.randomUUID().toString(), "requestId", UUID.randomUUID().toString())));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
    }

    private List<JsonNode> samples(String agency, Instant from, Instant to) {
        Response r = send("GET", "/internal/quota-history?from=" + from + "&to=" + to + "&agency=" + agency, null);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode item : JSON.readTree(r.body()).get("items")) {
            assertThat(item.get("agency").asString()).isEqualTo(agency);
            item.get("samples").forEach(out::add);
        }
        return out;
    }

    @Test
    void eachMinuteKeepsTheAgencysPeakLiveCountAndLimitAndOldSamplesGo() {
        String agency = anAgency();
        assertThat(send("PUT", "/internal/quotas/" + agency, "{\"limit\":5}").status()).isEqualTo(200);
        sampler.sample();
        clock.advance(Duration.ofSeconds(30));
        reserve(agency);
        reserve(agency);
        clock.advance(Duration.ofSeconds(15));
        sampler.sample();
        clock.advance(Duration.ofSeconds(40)); // 10:01:45: the two lapsed; the minute keeps its peak
        sampler.sample();
        assertThat(send("PUT", "/internal/quotas/" + agency, "{\"limit\":1}").status()).isEqualTo(200);
        clock.advance(Duration.ofSeconds(20));
        sampler.sample();

        List<JsonNode> samples = samples(agency, START.minus(Duration.ofHours(1)), START.plus(Duration.ofHours(1)));
        assertThat(samples).extracting(s -> s.get("time").asString())
                .containsExactly("2026-11-20T10:00:00Z", "2026-11-20T10:01:00Z", "2026-11-20T10:02:00Z");
        assertThat(samples).extracting(s -> s.get("active").asInt()).containsExactly(0, 2, 0);
        assertThat(samples).extracting(s -> s.get("limit").asInt()).containsExactly(5, 5, 1);

        clock.advance(Duration.ofHours(49));
        sampler.sample();
        assertThat(samples(agency, START.minus(Duration.ofHours(1)), START.plus(Duration.ofHours(1))))
                .as("samples older than the retention are dropped").isEmpty();
    }

    @Test
    void aBackwardOrTooLongRangeIsABadRequest() {
        Response backward = send("GET", "/internal/quota-history?from=" + START + "&to=" + START.minusSeconds(60), null);
        assertThat(backward.status()).isEqualTo(400);
        assertThat(backward.contentType()).startsWith("application/problem+json");
        Response tooLong = send("GET", "/internal/quota-history?from=" + START + "&to=" + START.plus(Duration.ofHours(49)), null);
        assertThat(tooLong.status()).isEqualTo(400);
        Response missing = send("GET", "/internal/quota-history?from=" + START, null);
        assertThat(missing.status()).isEqualTo(400);
    }
}
