package ae.rta.cctv.common;

import static org.assertj.core.api.Assertions.assertThat;

import ae.rta.cctv.common.security.ServiceCredentials;
import ae.rta.cctv.testsupport.RawHttp;
import java.nio.charset.StandardCharsets;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The internal-route guard and the request firewall hold against the spellings an outside probe used to walk around
 * them ({@code /%69nternal/...} and {@code /internal;x/...} answered 200 with a camera's password), and the container's
 * own refusals are problem+json, never Tomcat's HTML page nor a 500. Requests are sent over a raw socket, as written.
 */
@SpringBootTest(classes = ProblemResponsesTest.TestService.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=cctv-common", "spring.application.name=test",
                "cctv.security.service-secret=0123456789abcdef0123456789abcdef-test",
                "cctv.web.max-body-size=1KB",
                "spring.autoconfigure.exclude=org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration"})
final class RequestGuardSpellingsTest {

    @LocalServerPort
    int port;

    @Autowired
    ServiceCredentials credentials;

    @ParameterizedTest
    @ValueSource(strings = {"/internal/ping", "/%69nternal/ping", "/%2569nternal/ping", "/internal;x/ping",
            "/internal;jsessionid=1/ping", "//internal/ping", "/INTERNAL/ping", "/Internal/ping", "/internal%2Fping",
            "/internal%5Cping", "/x/../internal/ping", "/./internal/ping", "/internal/ping;x",
            "/internal/ping/", "/internal//ping", "/%2e/internal/ping"})
    void everySpellingOfAnInternalRouteIs401WithoutACredential(String target) {
        RawHttp.Answer answer = new RawHttp(port).send("GET", target);
        assertThat(answer.status()).as(target + " -> " + answer.body()).isEqualTo(401);
        assertThat(answer.isProblemJson()).as(target).isTrue();
        assertThat(answer.body()).doesNotContain("pong");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/internal;x/ping", "//internal/ping", "/internal%2Fping", "/x/../internal/ping"})
    void oddSpellingsAre400EvenWithACredential(String target) {
        RawHttp.Answer answer = new RawHttp(port).send("GET", target, "Authorization: Bearer " + credentials.token());
        assertThat(answer.status()).as(target + " -> " + answer.body()).isEqualTo(400);
        assertThat(answer.isProblemJson()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/health?x=%FF", "/health?x=%ED%A0%80", "/greetings?%C0%AF=1", "/health?x=%zz",
            "/api%2Fv1", "/a;b", "/a%5Cb", "/a/%2e%2e/b", "/internal\\ping"})
    void unreadableTargetsAre400Problems(String target) {
        RawHttp.Answer answer = new RawHttp(port).send("GET", target);
        assertThat(answer.status()).as(target + " -> " + answer.body()).isEqualTo(400);
        assertThat(answer.isProblemJson()).as(target + " " + answer.contentType()).isTrue();
    }

    @Test
    void moreThanAThousandParametersIs400Problem() {
        String query = IntStream.range(0, 1001).mapToObj(i -> "p" + i + "=1").collect(Collectors.joining("&"));
        RawHttp.Answer answer = new RawHttp(port).send("GET", "/health?" + query);
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.isProblemJson()).isTrue();
    }

    @Test
    void containerRefusalsAreProblemJson() {
        RawHttp raw = new RawHttp(port);
        RawHttp.Answer negativeLength = raw.send("POST", "/greetings", "Content-Length: -1");
        assertThat(negativeLength.status()).isEqualTo(400);
        assertThat(negativeLength.isProblemJson()).as(negativeLength.body()).isTrue();

        RawHttp.Answer bigHeader = raw.send("GET", "/health", "X-Big: " + "a".repeat(40_000));
        assertThat(bigHeader.status()).as(bigHeader.body()).isEqualTo(431);
        assertThat(bigHeader.isProblemJson()).isTrue();

        RawHttp.Answer longTarget = raw.send("GET", "/health?q=" + "a".repeat(40_000));
        assertThat(longTarget.status()).as(longTarget.body()).isEqualTo(414);
        assertThat(longTarget.isProblemJson()).isTrue();

        RawHttp.Answer garbage = raw.sendBytes("\u0001\u0002 nonsense\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
        assertThat(garbage.status()).isEqualTo(400);
        assertThat(garbage.isProblemJson()).as(garbage.body()).isTrue();
    }
}
