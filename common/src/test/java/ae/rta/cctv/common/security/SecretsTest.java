package ae.rta.cctv.common.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Issue 18: camera logins reached gap reasons, logs and problem details inside FFmpeg's and connectors' messages. */
final class SecretsTest {

    @Test
    void ffmpegsErrorLineKeepsTheHostAndLosesTheLogin() {
        assertThat(Secrets.mask("rtsp://gate-user-7:s3cr3t-Zq9%40x+y@127.0.0.1:46103/cam: Connection refused"))
                .isEqualTo("rtsp://***@127.0.0.1:46103/cam: Connection refused");
        assertThat(Secrets.mask("FFmpeg stopped (exit 1: rtsp://admin:admin@10.1.2.3/Streaming/Channels/101: "
                + "Server returned 401 Unauthorized (authorization failed))"))
                .isEqualTo("FFmpeg stopped (exit 1: rtsp://***@10.1.2.3/Streaming/Channels/101: "
                        + "Server returned 401 Unauthorized (authorization failed))");
    }

    @Test
    void everySchemeLosesItsLogin() {
        for (String scheme : List.of("rtsp", "rtsps", "http", "https", "RTSP", "onvif+soap", "s3")) {
            assertThat(Secrets.mask(scheme + "://user:pw@cam.example:554/x"))
                    .as(scheme).isEqualTo(scheme + "://***@cam.example:554/x");
        }
    }

    @Test
    void aPasswordWithAnAtSignPercentSignsOrSlashesIsMaskedWhole() {
        assertThat(Secrets.mask("rtsp://admin:p@ss@w0rd@10.0.0.5:554/live")).isEqualTo("rtsp://***@10.0.0.5:554/live");
        assertThat(Secrets.mask("rtsp://us%3Aer:p%40ss%2Fw%25rd@cam/x")).isEqualTo("rtsp://***@cam/x");
        assertThat(Secrets.mask("rtsp://admin:pa/ss@cam/x")).isEqualTo("rtsp://***@cam/x");
        assertThat(Secrets.mask("rtsp://admin:pa?ss#x@cam/x")).isEqualTo("rtsp://***@cam/x");
    }

    @Test
    void aUserWithoutPasswordIsMaskedToo() {
        assertThat(Secrets.mask("rtsp://admin@cam/x")).isEqualTo("rtsp://***@cam/x");
    }

    @Test
    void severalUrlsInOneLineAreEachMasked() {
        assertThat(Secrets.mask("tried rtsp://a:1@h1/x then http://b:2@h2:80/y?z=1 and 'rtsps://c:3@[::1]:322/z'"))
                .isEqualTo("tried rtsp://***@h1/x then http://***@h2:80/y?z=1 and 'rtsps://***@[::1]:322/z'");
        assertThat(Secrets.mask("rtsp://a:1@h1/x,rtsp://b:2@h2/y")).isEqualTo("rtsp://***@h1/x,rtsp://***@h2/y");
        assertThat(Secrets.mask("\"url\":\"rtsp://a:1@h1/x\",\"sub\":\"rtsp://b:2@h2/y\""))
                .isEqualTo("\"url\":\"rtsp://***@h1/x\",\"sub\":\"rtsp://***@h2/y\"");
    }

    @Test
    void urlsWithoutLoginAreLeftAsTheyAre() {
        for (String text : List.of("rtsp://10.0.0.5:554/live?x=a@b", "http://[::1]:8080/a@b", "tcp://127.0.0.1:554?timeout=0",
                "rtsp://cam/path@2x", "see https://example.org/docs#auth")) {
            assertThat(Secrets.mask(text)).isEqualTo(text);
        }
    }

    @Test
    void secretNamedParametersLoseTheirValues() {
        assertThat(Secrets.mask("GET /login?user=op&password=hunter2&next=/a")).isEqualTo("GET /login?user=op&password=***&next=/a");
        assertThat(Secrets.mask("pwd = hunter2; realm=x")).isEqualTo("pwd = ***; realm=x");
        assertThat(Secrets.mask("client_secret=abc access_token=def X-Amz-Signature=0a1b apisecret='x y'"))
                .isEqualTo("client_secret=*** access_token=*** X-Amz-Signature=*** apisecret=***");
        assertThat(Secrets.mask("/media/seg.mp4?expires=1700000000&sig=AbC-123_x")).isEqualTo("/media/seg.mp4?expires=1700000000&sig=***");
        assertThat(Secrets.mask("passwordHash=keep token_type=bearer designation=keep"))
                .isEqualTo("passwordHash=keep token_type=bearer designation=keep");
    }

    @Test
    void secretNamedJsonMembersLoseTheirValues() {
        assertThat(Secrets.mask("{\"username\":\"op\",\"password\":\"hun\\\"ter2\",\"Client_Secret\" : \"s\",\"n\":1}"))
                .isEqualTo("{\"username\":\"op\",\"password\":\"***\",\"Client_Secret\" : \"***\",\"n\":1}");
        assertThat(Secrets.mask("{\"passwordPolicy\":\"12 characters\"}")).isEqualTo("{\"passwordPolicy\":\"12 characters\"}");
    }

    @Test
    void authorizationHeadersAndBearerTokensAreMasked() {
        assertThat(Secrets.mask("DESCRIBE rtsp://cam/x RTSP/1.0\r\nCSeq: 2\r\nAuthorization: Digest username=\"u\", "
                + "response=\"6629fae49393a05397450978507c4ef1\"\r\nUser-Agent: x"))
                .isEqualTo("DESCRIBE rtsp://cam/x RTSP/1.0\r\nCSeq: 2\r\nAuthorization: ***\r\nUser-Agent: x");
        assertThat(Secrets.mask("proxy-authorization: Basic dXNlcjpwYXNz")).isEqualTo("proxy-authorization: ***");
        assertThat(Secrets.mask("Cookie: session=abc")).isEqualTo("Cookie: ***");
        assertThat(Secrets.mask("sent Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhcGkifQ.c2ln to vms"))
                .isEqualTo("sent Bearer *** to vms");
        assertThat(Secrets.mask("WWW-Authenticate: Digest realm=\"cam\", nonce=\"abc\""))
                .isEqualTo("WWW-Authenticate: Digest realm=\"cam\", nonce=\"abc\"");
    }

    @Test
    void ordinaryTextIsLeftAsItIs() {
        for (String text : List.of("the camera refused the credentials", "password must be at least 12 characters",
                "[rtsp @ 0x55d5c1c0] method DESCRIBE failed: 401 Unauthorized", "no video for 5 s", "a bearer of news",
                "user@example.org wrote", "")) {
            assertThat(Secrets.mask(text)).isEqualTo(text);
        }
        assertThat(Secrets.mask(null)).isNull();
    }

    @Test
    void maskingTwiceChangesNothingMore() {
        String once = Secrets.mask("rtsp://a:p@ss@h/x password=1 Authorization: Basic x");
        assertThat(Secrets.mask(once)).isEqualTo(once).isEqualTo("rtsp://***@h/x password=*** Authorization: ***");
    }
}
