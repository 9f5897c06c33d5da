package ae.rta.cctv.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

/** Checks every service passes, whatever it does: the contract of ARCHITECTURE.md's "quality bars". */
public final class ServiceChecks {

    private ServiceChecks() {
    }

    /** {@code /health} answers 200 UP and {@code /metrics} has JVM and HTTP server series. */
    public static void assertHealthyAndMeasured(int port) {
        ServiceHttp http = new ServiceHttp(port);
        ServiceHttp.Response health = http.get("/health");
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"UP\"");
        assertThat(http.get("/metrics").body())
                .contains("jvm_memory_used_bytes")
                .contains("http_server_requests_seconds_count");
    }
}
