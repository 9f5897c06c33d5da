package ae.rta.cctv.vms;

import ae.rta.cctv.testsupport.ServiceChecks;
import ae.rta.cctv.testsupport.TestEngines;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=cctv-common,vms", "spring.application.name=vms",
                "cctv.vms.simulator-dir=${java.io.tmpdir}/cctv-vms-health-test-clips"})
final class VmsHealthTest {

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void engines(DynamicPropertyRegistry registry) {
        TestEngines.registerPostgres(registry);
    }

    @Test
    void healthIsUpAndMetricsAreExposed() {
        ServiceChecks.assertHealthyAndMeasured(port);
    }
}
