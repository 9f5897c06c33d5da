package ae.rta.cctv.vms.adapter.out.onvif;

import ae.rta.cctv.common.rtsp.RtspAuthenticator;
import ae.rta.cctv.vms.domain.Credentials;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * SOAP 1.2 over plain HTTP/1.1 to one device, logged in the way the device wants: HTTP Digest when it challenges
 * (ONVIF Core 5.9.1: services "shall be protected using digest authentication according to [RFC 2617]", SHA-256 per
 * RFC 7616), else a WS-Security UsernameToken (the legacy exception the same section allows).
 */
final class OnvifSoap {

    /*
     * Login (ONVIF Core 5.9.1 "Authentication over HTTP and HTTPS"): a device that supports digest answers a request
     * without credentials with HTTP 401 and a WWW-Authenticate challenge per algorithm, in its order of preference
     * (Core "Get Device Hashing Algorithm"); one that supports only the UsernameToken answers HTTP 400 with
     * env:Sender/ter:NotAuthorized (some, onvif_simple_server among them, send that fault with 200). So the first
     * signed request goes without credentials and the answer decides; a client "should not simultaneously supply"
     * both, so each request then carries exactly one. A digest device is asked again with a fresh challenge once per
     * request (nonces go stale); a UsernameToken device that starts challenging is switched to digest.
     */
    enum Login { UNKNOWN, DIGEST, USERNAME_TOKEN }

    private static final String ENVELOPE = "http://www.w3.org/2003/05/soap-envelope";
    private static final int MAX_ANSWER = 4 * 1024 * 1024;
    private static final DateTimeFormatter CREATED = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'")
            .withZone(ZoneOffset.UTC);

    private record Answer(int status, Document document, List<String> challenges) {
    }

    private final Credentials credentials;
    private final Clock clock;
    private final HttpClient http;
    private final Duration timeout;
    private final Supplier<Duration> skew;
    private final SecureRandom random = new SecureRandom();
    private final RtspAuthenticator digest;
    private volatile Login login = Login.UNKNOWN;

    OnvifSoap(Credentials credentials, Clock clock, HttpClient http, Duration timeout, Supplier<Duration> skew) {
        this.credentials = credentials;
        this.clock = clock;
        this.http = http;
        this.timeout = timeout;
        this.skew = skew;
        this.digest = credentials == null ? null : new RtspAuthenticator(credentials.username(), credentials.password());
    }

    Login login() {
        return login;
    }

    /**
     * Posts one SOAP request and gives the answer's document.
     *
     * @param headers SOAP header blocks to send (WS-Addressing), or empty
     * @param signed whether the operation needs a login (false for the PRE_AUTH ones)
     * @param wait how long to wait for the answer beyond the usual timeout (a PullMessages long poll)
     * @throws OnvifClient.LoginRefusedException when the device refuses the login
     * @throws OnvifClient.OnvifException when it faults, answers no SOAP, or does not answer
     */
    Document call(URI service, String body, String headers, boolean signed, Duration wait) {
        if (!signed || credentials == null) {
            // PRE_AUTH operations (Core 5.9.4.3) go without a login, but a device that protects every path (a web
            // server's digest in front of its ONVIF CGI) still challenges them.
            Answer bare = post(service, body, headers, false, null, wait);
            return credentials != null && bare.status() == 401 && digestOffered(bare)
                    ? digest(service, body, headers, wait, bare) : accepted(bare);
        }
        Login mode = login;
        if (mode == Login.DIGEST) {
            return digest(service, body, headers, wait, null);
        }
        if (mode == Login.USERNAME_TOKEN) {
            Answer answer = post(service, body, headers, true, null, wait);
            if (answer.status() == 401 && digestOffered(answer)) {
                return digest(service, body, headers, wait, answer);
            }
            return tokenAccepted(answer);
        }
        Answer bare = post(service, body, headers, false, null, wait);
        if (bare.status() == 401 && digestOffered(bare)) {
            return digest(service, body, headers, wait, bare);
        }
        if (!unauthorised(bare)) {
            return accepted(bare);
        }
        Answer answer = post(service, body, headers, true, null, wait);
        if (!unauthorised(answer)) {
            login = Login.USERNAME_TOKEN;
        }
        return tokenAccepted(answer);
    }

    private Document digest(URI service, String body, String headers, Duration wait, Answer challenge) {
        if (challenge != null) {
            digest.challenged(digestChallenges(challenge));
        }
        for (int attempt = 0; attempt < 2; attempt++) {
            Answer answer = post(service, body, headers, false, digest.authorization("POST", requestTarget(service)), wait);
            if (answer.status() != 401) {
                login = Login.DIGEST;
                return accepted(answer);
            }
            if (!digestOffered(answer)) {
                break;
            }
            digest.challenged(digestChallenges(answer));
        }
        throw new OnvifClient.LoginRefusedException("the device refused the HTTP Digest login (HTTP 401)");
    }

    private Document tokenAccepted(Answer answer) {
        if (unauthorised(answer)) {
            String reason = faultReason(answer);
            boolean basic = answer.challenges().stream().anyMatch(c -> c.strip().toLowerCase(Locale.ROOT).startsWith("basic"));
            throw new OnvifClient.LoginRefusedException("the device refused the WS-UsernameToken login ("
                    + (reason == null ? "HTTP " + answer.status() : reason) + ")"
                    + (basic ? "; it asks for HTTP Basic, which ONVIF does not use and is not sent" : ""));
        }
        return accepted(answer);
    }

    private static Document accepted(Answer answer) {
        Document document = answer.document();
        if (document == null) {
            throw new OnvifClient.OnvifException("the device's answer is not SOAP (HTTP " + answer.status() + ")", null);
        }
        String reason = faultReason(answer);
        if (reason != null || answer.status() >= 400) {
            throw new OnvifClient.OnvifException("the device refused: " + (reason == null ? "HTTP " + answer.status()
                    : reason), null);
        }
        return document;
    }

    /** A 401, or a SOAP fault ter:NotAuthorized (ONVIF Core 5.9.1) or wsse:FailedAuthentication (WS-Security). */
    private static boolean unauthorised(Answer answer) {
        if (answer.status() == 401) {
            return true;
        }
        Element fault = answer.document() == null ? null : OnvifXml.optional(answer.document().getDocumentElement(), "Fault");
        if (fault == null) {
            return false;
        }
        Element code = OnvifXml.optional(fault, "Code");
        String codes = OnvifXml.text(code);
        return codes.contains("NotAuthorized") || codes.contains("FailedAuthentication");
    }

    private static String faultReason(Answer answer) {
        Element fault = answer.document() == null ? null : OnvifXml.optional(answer.document().getDocumentElement(), "Fault");
        if (fault == null) {
            return null;
        }
        Element text = OnvifXml.optional(OnvifXml.optional(fault, "Reason"), "Text");
        String reason = OnvifXml.printable(OnvifXml.text(text), 300);
        return reason.isEmpty() ? OnvifXml.printable(OnvifXml.text(OnvifXml.optional(fault, "Code")), 300) : reason;
    }

    private static boolean digestOffered(Answer answer) {
        return !digestChallenges(answer).isEmpty();
    }

    private static List<String> digestChallenges(Answer answer) {
        return answer.challenges().stream().filter(c -> c.strip().toLowerCase(Locale.ROOT).startsWith("digest")).toList();
    }

    /** The request-target of an HTTP/1.1 request line (RFC 9112 3.2), which the digest's {@code uri} repeats. */
    static String requestTarget(URI service) {
        String path = service.getRawPath() == null || service.getRawPath().isEmpty() ? "/" : service.getRawPath();
        return service.getRawQuery() == null ? path : path + "?" + service.getRawQuery();
    }

    private Answer post(URI service, String body, String headers, boolean token, String authorization, Duration wait) {
        String header = headers + (token ? securityHeader() : "");
        String envelope = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><s:Envelope xmlns:s=\"" + ENVELOPE + "\">"
                + (header.isEmpty() ? "" : "<s:Header>" + header + "</s:Header>") + "<s:Body>" + body + "</s:Body></s:Envelope>";
        // HTTP/1.1 by name: the JDK client otherwise offers "Upgrade: h2c", which embedded camera servers mishandle.
        HttpRequest.Builder request = HttpRequest.newBuilder(service).version(HttpClient.Version.HTTP_1_1)
                .timeout(timeout.plus(wait))
                .header("Content-Type", "application/soap+xml; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(envelope, StandardCharsets.UTF_8));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        HttpResponse<InputStream> response;
        byte[] bytes;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream in = response.body()) {
                bytes = in.readNBytes(MAX_ANSWER + 1);
            }
        } catch (IOException e) {
            throw new OnvifClient.OnvifException("the device did not answer (" + e.getClass().getSimpleName() + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OnvifClient.OnvifException("interrupted", e);
        }
        if (bytes.length > MAX_ANSWER) {
            throw new OnvifClient.OnvifException("the device's answer is larger than 4 MiB", null);
        }
        Document document = null;
        if (bytes.length > 0) {
            try {
                document = OnvifXml.parse(bytes);
            } catch (OnvifClient.OnvifException e) {
                if (response.statusCode() < 400) {
                    throw e;
                }
            }
        }
        return new Answer(response.statusCode(), document, response.headers().allValues("WWW-Authenticate"));
    }

    /*
     * WS-Security UsernameToken Profile 1.0 (OASIS), PasswordDigest = B64(SHA1(nonce + created + password)); created
     * is the device's time (our clock shifted by its skew), so a device whose clock is off still accepts it.
     */
    private String securityHeader() {
        byte[] nonce = new byte[16];
        random.nextBytes(nonce);
        String created = CREATED.format(clock.instant().plus(skew.get()));
        return "<Security s:mustUnderstand=\"1\" xmlns=\"http://docs.oasis-open.org/wss/2004/01/"
                + "oasis-200401-wss-wssecurity-secext-1.0.xsd\"><UsernameToken><Username>"
                + OnvifXml.escape(credentials.username())
                + "</Username><Password Type=\"http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-username-token-"
                + "profile-1.0#PasswordDigest\">" + WsUsernameToken.digest(nonce, created, credentials.password())
                + "</Password><Nonce EncodingType=\"http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-soap-message-"
                + "security-1.0#Base64Binary\">" + Base64.getEncoder().encodeToString(nonce) + "</Nonce>"
                + "<Created xmlns=\"http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd\">"
                + created + "</Created></UsernameToken></Security>";
    }
}
