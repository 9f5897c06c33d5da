package ae.rta.cctv.common.rtsp;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

final class RtspAuthenticatorTest {

    @Test
    void digestResponsesMatchTheRfcExamples() {
        // RFC 2617 section 3.5
        assertThat(RtspAuthenticator.digestResponse("MD5", "Mufasa", "testrealm@host.com", "Circle Of Life", "GET",
                "/dir/index.html", "dcd98b7102dd2f0e8b11d0f600bfb0c093", "00000001", "0a4f113b", "auth"))
                .isEqualTo("6629fae49393a05397450978507c4ef1");
        // RFC 7616 section 3.9.1, SHA-256
        assertThat(RtspAuthenticator.digestResponse("SHA-256", "Mufasa", "http-auth@example.org", "Circle of Life", "GET",
                "/dir/index.html", "7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v", "00000001",
                "f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ", "auth"))
                .isEqualTo("753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1");
    }

    @Test
    void answersADigestChallengeWithACountedNonceAndPrefersItToBasic() {
        RtspAuthenticator auth = new RtspAuthenticator("Mufasa", "Circle Of Life", () -> "0a4f113b");
        assertThat(auth.authorization("GET", "/dir/index.html")).as("nothing before a challenge").isNull();
        assertThat(auth.challenged(List.of("Basic realm=\"testrealm@host.com\"", "Digest realm=\"testrealm@host.com\", "
                + "qop=\"auth,auth-int\", nonce=\"dcd98b7102dd2f0e8b11d0f600bfb0c093\", opaque=\"5ccc069c403ebaf9f0171e9517f40e41\"")))
                .isTrue();

        Map<String, String> first = RtspAuthenticator.params(auth.authorization("GET", "/dir/index.html"));
        assertThat(first).containsEntry("username", "Mufasa").containsEntry("uri", "/dir/index.html")
                .containsEntry("qop", "auth").containsEntry("nc", "00000001").containsEntry("cnonce", "0a4f113b")
                .containsEntry("opaque", "5ccc069c403ebaf9f0171e9517f40e41")
                .containsEntry("response", "6629fae49393a05397450978507c4ef1");
        assertThat(RtspAuthenticator.params(auth.authorization("GET", "/dir/index.html"))).containsEntry("nc", "00000002");

        auth.challenged(List.of("Digest realm=\"testrealm@host.com\", qop=\"auth\", nonce=\"fresh\""));
        assertThat(RtspAuthenticator.params(auth.authorization("PLAY", "rtsp://h/x"))).as("a new nonce counts from 1")
                .containsEntry("nc", "00000001").containsEntry("nonce", "fresh");
    }

    /**
     * Regression: live555 (the RTSP server inside many cameras) reads quoted fields only and stops at the first
     * unquoted one; "algorithm=MD5" before "response" made it refuse the right password, so the camera stayed OFFLINE.
     * The golden header below is what live555's parser accepts: every quoted field first, algorithm only if named.
     */
    @Test
    void theDigestAnswerPutsEveryQuotedFieldBeforeAnyUnquotedOne() {
        RtspAuthenticator auth = new RtspAuthenticator("admin", "secret");
        auth.challenged(List.of("Digest realm=\"LIVE555 Streaming Media\", nonce=\"a1b2c3\""));
        String header = auth.authorization("DESCRIBE", "rtsp://127.0.0.1:8554/cam");
        assertThat(header).isEqualTo("Digest username=\"admin\", realm=\"LIVE555 Streaming Media\", nonce=\"a1b2c3\", "
                + "uri=\"rtsp://127.0.0.1:8554/cam\", response=\"" + RtspAuthenticator.digestResponse("MD5", "admin",
                "LIVE555 Streaming Media", "secret", "DESCRIBE", "rtsp://127.0.0.1:8554/cam", "a1b2c3", null, null, null) + "\"");

        RtspAuthenticator named = new RtspAuthenticator("admin", "secret", () -> "c0ffee");
        named.challenged(List.of("Digest realm=\"cam\", nonce=\"n1\", qop=\"auth\", algorithm=SHA-256, opaque=\"op\""));
        String withQop = named.authorization("DESCRIBE", "rtsp://cam/x");
        int lastQuote = withQop.lastIndexOf('"');
        assertThat(withQop.substring(lastQuote)).as("unquoted fields come last").isEqualTo("\", algorithm=SHA-256, qop=auth, nc=00000001");
        assertThat(withQop.indexOf("response=")).isLessThan(withQop.indexOf("algorithm="));
    }

    @Test
    void answersBasicAndDigestWithoutQopAndRefusesUnknownSchemes() {
        RtspAuthenticator basic = RtspAuthenticator.fromUserInfo(URI.create("rtsp://us%40er:p%3Ass@cam:554/live"));
        assertThat(basic.challenged(List.of("Basic realm=\"cam\""))).isTrue();
        assertThat(basic.authorization("DESCRIBE", "rtsp://cam:554/live")).isEqualTo("Basic dXNAZXI6cDpzcw==");

        RtspAuthenticator legacy = new RtspAuthenticator("Mufasa", "Circle Of Life");
        legacy.challenged(List.of("Digest realm=\"testrealm@host.com\", nonce=\"dcd98b7102dd2f0e8b11d0f600bfb0c093\""));
        Map<String, String> p = RtspAuthenticator.params(legacy.authorization("GET", "/dir/index.html"));
        assertThat(p).doesNotContainKeys("qop", "nc", "cnonce").containsEntry("response", RtspAuthenticator.digestResponse(
                "MD5", "Mufasa", "testrealm@host.com", "Circle Of Life", "GET", "/dir/index.html",
                "dcd98b7102dd2f0e8b11d0f600bfb0c093", null, null, null));

        assertThat(new RtspAuthenticator("a", "b").challenged(List.of("Negotiate abc", "Digest nonce=\"n\", algorithm=MD5-sess")))
                .isFalse();
        assertThat(RtspAuthenticator.fromUserInfo(URI.create("rtsp://cam/live"))).isNull();
    }

    @Test
    void aPlusInAUrlsPasswordStaysAPlus() {
        RtspAuthenticator login = RtspAuthenticator.fromUserInfo(URI.create("rtsp://op:a+b%2Bc@cam/live"));
        login.challenged(List.of("Basic realm=\"cam\""));
        assertThat(login.authorization("DESCRIBE", "rtsp://cam/live")).isEqualTo("Basic "
                + java.util.Base64.getEncoder().encodeToString("op:a+b+c".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }
}
