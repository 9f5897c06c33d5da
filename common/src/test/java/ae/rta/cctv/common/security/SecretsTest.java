package ae.rta.cctv.common.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Issue 18: camera logins reached gap reasons, logs and problem details inside FFmpeg's and connectors' messages. */
final class SecretsTest {

    /* Each pair: a text, then what mask makes of it. */
    private static void assertMasks(String... textThenMasked) {
        for (int i = 0; i < textThenMasked.length; i += 2) {
            assertThat(Secrets.mask(textThenMasked[i])).as(textThenMasked[i]).isEqualTo(textThenMasked[i + 1]);
        }
    }

    private static void assertUnchanged(String... texts) {
        for (String text : texts) {
            assertThat(Secrets.mask(text)).isEqualTo(text);
        }
    }

    @Test
    void ffmpegsErrorLineKeepsTheHostAndLosesTheLogin() {
        assertMasks("rtsp://gate-user-7:s3cr3t-Zq9%40x+y@127.0.0.1:46103/cam: Connection refused",
                "rtsp://***@127.0.0.1:46103/cam: Connection refused",
                "FFmpeg stopped (exit 1: rtsp://admin:admin@10.1.2.3/Streaming/Channels/101: Server returned 401 Unauthorized)",
                "FFmpeg stopped (exit 1: rtsp://***@10.1.2.3/Streaming/Channels/101: Server returned 401 Unauthorized)");
    }

    @Test
    void everySchemeLosesItsLogin() {
        for (String scheme : List.of("rtsp", "rtsps", "http", "https", "RTSP", "onvif+soap", "s3")) {
            assertMasks(scheme + "://user:pw@cam.example:554/x", scheme + "://***@cam.example:554/x");
        }
    }

    @Test
    void aPasswordWithAnAtSignPercentSignsOrSlashesIsMaskedWhole() {
        assertMasks("rtsp://admin:p@ss@w0rd@10.0.0.5:554/live", "rtsp://***@10.0.0.5:554/live",
                "rtsp://us%3Aer:p%40ss%2Fw%25rd@cam/x", "rtsp://***@cam/x",
                "rtsp://admin:pa/ss@cam/x", "rtsp://***@cam/x",
                "rtsp://admin:pa?ss#x@cam/x", "rtsp://***@cam/x",
                "rtsp://admin@cam/x", "rtsp://***@cam/x");
    }

    @Test
    void severalUrlsInOneLineAreEachMasked() {
        assertMasks("tried rtsp://a:1@h1/x then http://b:2@h2:80/y?z=1 and 'rtsps://c:3@[::1]:322/z'",
                "tried rtsp://***@h1/x then http://***@h2:80/y?z=1 and 'rtsps://***@[::1]:322/z'",
                "rtsp://a:1@h1/x,rtsp://b:2@h2/y", "rtsp://***@h1/x,rtsp://***@h2/y",
                "\"url\":\"rtsp://a:1@h1/x\",\"sub\":\"rtsp://b:2@h2/y\"", "\"url\":\"rtsp://***@h1/x\",\"sub\":\"rtsp://***@h2/y\"");
    }

    @Test
    void urlsWithoutLoginAreLeftAsTheyAre() {
        assertUnchanged("rtsp://10.0.0.5:554/live?x=a@b", "http://[::1]:8080/a@b", "tcp://127.0.0.1:554?timeout=0",
                "rtsp://cam/path@2x", "see https://example.org/docs#auth");
    }

    @Test
    void secretNamedParametersAndJsonMembersLoseTheirValues() {
        assertMasks("GET /login?user=op&password=hunter2&next=/a", "GET /login?user=op&password=***&next=/a",
                "pwd = hunter2; realm=x", "pwd = ***; realm=x",
                "client_secret=abc access_token=def X-Amz-Signature=0a1b apisecret='x y'",
                "client_secret=*** access_token=*** X-Amz-Signature=*** apisecret=***",
                "/media/seg.mp4?expires=1700000000&sig=AbC-123_x", "/media/seg.mp4?expires=1700000000&sig=***",
                "{\"username\":\"op\",\"password\":\"hun\\\"ter2\",\"Client_Secret\" : \"s\",\"n\":1}",
                "{\"username\":\"op\",\"password\":\"***\",\"Client_Secret\" : \"***\",\"n\":1}");
        assertUnchanged("passwordHash=keep token_type=bearer designation=keep", "{\"passwordPolicy\":\"12 characters\"}");
    }

    @Test
    void authorizationHeadersAndBearerTokensAreMasked() {
        assertMasks("DESCRIBE rtsp://cam/x RTSP/1.0\r\nCSeq: 2\r\nAuthorization: Digest username=\"u\", "
                        + "response=\"6629fae49393a05397450978507c4ef1\"\r\nUser-Agent: x",
                "DESCRIBE rtsp://cam/x RTSP/1.0\r\nCSeq: 2\r\nAuthorization: ***\r\nUser-Agent: x",
                "proxy-authorization: Basic dXNlcjpwYXNz", "proxy-authorization: ***",
                "Cookie: session=abc", "Cookie: ***",
                "sent Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhcGkifQ.c2ln to vms", "sent Bearer *** to vms");
        assertUnchanged("WWW-Authenticate: Digest realm=\"cam\", nonce=\"abc\"");
    }

    @Test
    void ordinaryTextIsLeftAsItIs() {
        assertUnchanged("the camera refused the credentials", "password must be at least 12 characters",
                "[rtsp @ 0x55d5c1c0] method DESCRIBE failed: 401 Unauthorized", "no video for 5 s", "a bearer of news",
                "user@example.org wrote", "");
        assertThat(Secrets.mask(null)).isNull();
    }

    @Test
    void maskingTwiceChangesNothingMore() {
        String once = Secrets.mask("rtsp://a:p@ss@h/x password=1 Authorization: Basic x");
        assertThat(once).isEqualTo("rtsp://***@h/x password=*** Authorization: ***");
        assertUnchanged(once);
    }
}
