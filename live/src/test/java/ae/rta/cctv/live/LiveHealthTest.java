package ae.rta.cctv.live;

import static org.assertj.core.api.Assertions.assertThat;

import ae.rta.cctv.testsupport.ServiceHttp;
import ae.rta.cctv.testsupport.TestEngines;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=cctv-common,live", "spring.application.name=live"})
final class LiveHealthTest {

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void engines(DynamicPropertyRegistry registry) {
        registry.add("cctv.security.service-secret", () -> TestEngines.SERVICE_SECRET);
    }

    @Test
    void healthIsUpAndMetricsAreExposed() {
        ServiceHttp http = new ServiceHttp(port);
        assertThat(http.get("/health").status()).isEqualTo(200);
        assertThat(http.get("/health").body()).contains("\"status\":\"UP\"");
        String metrics = http.get("/metrics").body();
        assertThat(metrics).contains("jvm_memory_used_bytes").contains("http_server_requests_seconds_count");
    }
}
