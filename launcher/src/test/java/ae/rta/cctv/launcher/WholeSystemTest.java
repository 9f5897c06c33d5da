package ae.rta.cctv.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import ae.rta.cctv.common.security.ServiceCredentials;
import ae.rta.cctv.embedded.FreePorts;
import ae.rta.cctv.testsupport.ServiceHttp;
import ae.rta.cctv.testsupport.ServiceHttp.Response;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole system as {@code ./cctv run} starts it, on free ports and a temporary data directory. */
final class WholeSystemTest {

    private static final String SECRET = "whole-system-test-secret-0123456789abcdef";

    @TempDir
    Path data;

    private Map<String, String> environment() {
        Map<String, String> env = new HashMap<>();
        for (ServiceSpec s : ServiceSpec.ALL) {
            env.put(s.portVariable(), Integer.toString(FreePorts.pick()));
        }
        env.put("CCTV_SERVICE_SECRET", SECRET);
        return env;
    }

    @Test
    void everyServiceAnswersThenStopsLeavingNoProcessAndKeepsItsData() {
        Map<String, String> env = environment();
        LauncherSettings settings = LauncherSettings.from(new String[] {"--data-dir=" + data}, env);

        try (CctvLauncher launcher = new CctvLauncher(settings)) {
            launcher.start();
            for (ServiceSpec s : ServiceSpec.ALL) {
                ServiceHttp http = new ServiceHttp(settings.port(s));
                Response health = http.get("/health");
                assertThat(health.status()).as(s.name() + " health").isEqualTo(200);
                assertThat(health.body()).contains("\"status\":\"UP\"");
                assertThat(http.get("/metrics").body()).as(s.name() + " metrics")
                        .contains("jvm_memory_used_bytes").contains("http_server_requests_seconds_count")
                        .contains("service=\"" + s.name() + "\"");
                Response unknown = http.get("/api/v1/no-such-route");
                // The public API (and the dashboard, which forwards /api to it) asks who is calling before routing.
                boolean publicApi = s.name().equals("api") || s.name().equals("dashboard");
                assertThat(unknown.status()).as(s.name() + " unknown route").isEqualTo(publicApi ? 401 : 404);
                assertThat(unknown.contentType()).startsWith("application/problem+json");
                Response wrongMethod = http.send("DELETE", "/health", null, Map.of());
                assertThat(wrongMethod.status()).as(s.name() + " wrong method").isEqualTo(405);
                assertThat(wrongMethod.contentType()).startsWith("application/problem+json");
            }
            assertThat(demoCameraCount(settings)).isEqualTo(12);
            assertDemoAdminSeesEveryCameraThroughTheDashboard(settings);
        }
        assertThat(ProcessHandle.current().descendants().filter(ProcessHandle::isAlive)).isEmpty();
        assertThat(Files.exists(data.resolve("postgres").resolve("postmaster.pid"))).isFalse();

        try (CctvLauncher again = new CctvLauncher(LauncherSettings.from(new String[] {"--data-dir=" + data}, env))) {
            again.start();
            assertThat(demoCameraCount(settings)).as("cameras kept, none seeded twice").isEqualTo(12);
        }
    }

    private static void assertDemoAdminSeesEveryCameraThroughTheDashboard(LauncherSettings settings) {
        ServiceHttp dashboard = new ServiceHttp(settings.port(ServiceSpec.named("dashboard")));
        Response login = dashboard.post("/api/v1/auth/login", "{\"username\":\"admin\",\"password\":\"demo-password\"}");
        assertThat(login.status()).as(login.body()).isEqualTo(200);
        String token = login.body().replaceAll(".*\"accessToken\":\"([^\"]+)\".*", "$1");
        Response cameras = dashboard.get("/api/v1/cameras", Map.of("Authorization", "Bearer " + token));
        assertThat(cameras.status()).isEqualTo(200);
        assertThat(cameras.body()).contains("\"total\":12");
        // The simulator serves the demo cameras over RTSP and the vms health probes find them.
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(dashboard.get("/api/v1/cameras?status=ONLINE", Map.of("Authorization", "Bearer " + token)).body())
                        .contains("\"total\":12"));
    }

    private static int demoCameraCount(LauncherSettings settings) {
        String token = new ServiceCredentials("test", SECRET, Clock.systemUTC()).token();
        Response cameras = new ServiceHttp(settings.port(ServiceSpec.named("vms")))
                .get("/internal/cameras", Map.of("Authorization", "Bearer " + token));
        assertThat(cameras.status()).isEqualTo(200);
        return Integer.parseInt(cameras.body().replaceAll(".*\"total\":(\\d+).*", "$1"));
    }
}
