package ae.rta.cctv.streamcounter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ae.rta.cctv.testsupport.ServiceChecks;
import ae.rta.cctv.testsupport.ServiceHttp;
import ae.rta.cctv.testsupport.TestEngines;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=cctv-common,stream-counter", "spring.application.name=stream-counter"})
final class StreamCounterHealthTest {

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void engines(DynamicPropertyRegistry registry) {
        TestEngines.registerPostgres(registry);
        TestEngines.registerRedis(registry);
    }

    @Test
    void healthIsUpAndMetricsAreExposed() {
        ServiceChecks.assertHealthyAndMeasured(port);
    }

    @Test
    void healthNamesRedisWhileItIsDownAndRecoversWithoutRestart() {
        ServiceHttp http = new ServiceHttp(port);
        TestEngines.redis().stop();
        try {
            ServiceHttp.Response down = http.get("/health");
            assertThat(down.status()).isEqualTo(503);
            assertThat(down.body()).contains("\"redis\":{\"status\":\"DOWN\"").contains("\"db\":{\"status\":\"UP\"");
        } finally {
            TestEngines.redis().start();
        }
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(http.get("/health").status()).isEqualTo(200));
    }
}
