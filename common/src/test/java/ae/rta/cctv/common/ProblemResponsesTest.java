package ae.rta.cctv.common;

import static org.assertj.core.api.Assertions.assertThat;

import ae.rta.cctv.common.security.InternalCallFilter;
import ae.rta.cctv.common.security.ServiceCredentials;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@SpringBootTest(classes = ProblemResponsesTest.TestService.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=cctv-common", "spring.application.name=test",
                "cctv.security.service-secret=0123456789abcdef0123456789abcdef-test",
                "cctv.web.max-body-size=1KB",
                "spring.autoconfigure.exclude=org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration"})
final class ProblemResponsesTest {

    @SpringBootApplication
    static class TestService {
        @RestController
        static class Routes {
            record Greeting(String name) {
                Greeting {
                    if (name == null || name.isBlank()) {
                        throw new IllegalArgumentException("name must not be blank");
                    }
                }
            }

            @PostMapping("/greetings")
            Map<String, String> greet(@RequestBody Greeting greeting) {
                return Map.of("hello", greeting.name());
            }

            @GetMapping("/internal/ping")
            Map<String, String> ping() {
                return Map.of("pong", "yes");
            }

            private final ae.rta.cctv.common.client.ServiceClients clients;
            private final org.springframework.core.env.Environment environment;

            Routes(ae.rta.cctv.common.client.ServiceClients clients, org.springframework.core.env.Environment environment) {
                this.clients = clients;
                this.environment = environment;
            }

            /** Calls this same service's internal route, as one service calls another. */
            @GetMapping("/relay")
            String relay() {
                return clients.forBaseUrl("http://127.0.0.1:" + environment.getProperty("local.server.port"),
                        java.time.Duration.ofSeconds(5)).get().uri("/internal/whoami").retrieve().body(String.class);
            }

            @GetMapping("/internal/whoami")
            Map<String, String> whoami(jakarta.servlet.http.HttpServletRequest request) {
                return Map.of("caller", String.valueOf(request.getAttribute(InternalCallFilter.CALLER_ATTRIBUTE)),
                        "requestId", String.valueOf(request.getHeader("X-Request-Id")));
            }

            @GetMapping("/boom")
            Map<String, String> boom() {
                throw new IllegalStateException("secret internal detail");
            }
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    ServiceCredentials credentials;

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> send(String method, String path, String body, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (headers.length > 0) {
            b.headers(headers);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void assertProblem(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                ct -> assertThat(ct).startsWith("application/problem+json"));
        assertThat(response.body()).contains("\"status\":" + status).contains("\"title\"").contains("\"detail\"")
                .doesNotContain("Exception").doesNotContain("at ae.rta");
    }

    @Test
    void unknownRouteIs404Problem() throws Exception {
        assertProblem(send("GET", "/no/such/route", null), 404);
    }

    @Test
    void malformedJsonIs400Problem() throws Exception {
        assertProblem(send("POST", "/greetings", "{\"name\": ", "Content-Type", "application/json"), 400);
    }

    @Test
    void invalidCommandIs400ProblemNamingTheField() throws Exception {
        HttpResponse<String> response = send("POST", "/greetings", "{\"name\":\"  \"}", "Content-Type", "application/json");
        assertProblem(response, 400);
        assertThat(response.body()).contains("name must not be blank");
    }

    /** Regression: a lone surrogate was accepted and stored as '?', so what was kept differed from what was sent. */
    @Test
    void aLoneSurrogateIs400Problem() throws Exception {
        HttpResponse<String> response = send("POST", "/greetings", "{\"name\":\"ab\\uD800cd\"}", "Content-Type", "application/json");
        assertProblem(response, 400);
        assertThat(response.body()).contains("surrogate");
        HttpResponse<String> whole = send("POST", "/greetings", "{\"name\":\"\\uD83D\\uDCF7 camera\"}", "Content-Type", "application/json");
        assertThat(whole.statusCode()).as("a whole pair (an emoji) is fine").isEqualTo(200);
    }

    @Test
    void wrongMethodIs405Problem() throws Exception {
        assertProblem(send("DELETE", "/greetings", null), 405);
    }

    @Test
    void oversizedBodyIs413Problem() throws Exception {
        String big = "{\"name\":\"" + "x".repeat(4096) + "\"}";
        assertProblem(send("POST", "/greetings", big, "Content-Type", "application/json"), 413);
    }

    @Test
    void unexpectedFailureIs500ProblemWithoutDetails() throws Exception {
        HttpResponse<String> response = send("GET", "/boom", null);
        assertProblem(response, 500);
        assertThat(response.body()).doesNotContain("secret internal detail").contains("requestId");
    }

    @Test
    void requestIdIsEchoedOrGenerated() throws Exception {
        assertThat(send("GET", "/no/such/route", null, "X-Request-Id", "abc-123-def-456").headers()
                .firstValue("X-Request-Id")).hasValue("abc-123-def-456");
        assertThat(send("GET", "/no/such/route", null, "X-Request-Id", "<script>alert(1)</script>").headers()
                .firstValue("X-Request-Id")).hasValueSatisfying(id -> assertThat(id).hasSize(36));
    }

    @Test
    void aCallToAnotherServiceCarriesTheCredentialAndTheRequestId() throws Exception {
        HttpResponse<String> relayed = send("GET", "/relay", null, "X-Request-Id", "follow-me-0001");
        assertThat(relayed.statusCode()).isEqualTo(200);
        assertThat(relayed.body()).contains("\"caller\":\"test\"").contains("\"requestId\":\"follow-me-0001\"");
    }

    @Test
    void internalRoutesNeedAServiceCredential() throws Exception {
        assertProblem(send("GET", "/internal/ping", null), 401);
        assertProblem(send("GET", "/internal/ping", null, "Authorization", "Bearer not-a-token"), 401);
        ServiceCredentials otherDeployment = new ServiceCredentials("vms", "another-secret-another-secret-another", Clock.systemUTC());
        assertProblem(send("GET", "/internal/ping", null, "Authorization", "Bearer " + otherDeployment.token()), 401);
        HttpResponse<String> ok = send("GET", "/internal/ping", null, "Authorization", "Bearer " + credentials.token());
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ok.body()).contains("pong");
    }
}
