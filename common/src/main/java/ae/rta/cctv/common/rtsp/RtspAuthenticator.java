package ae.rta.cctv.common.rtsp;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Answers an RTSP server's authentication challenges (RTSP borrows HTTP's): Digest (RFC 2617 / RFC 7616, MD5 or
 * SHA-256, {@code qop=auth} when offered, nonce count kept) in preference to Basic. One per connection: once
 * challenged, it gives every later request its own {@code Authorization}, computed over that request's method and
 * URL exactly as sent. Thread-safe.
 */
public final class RtspAuthenticator {

    private static final Pattern PARAM = Pattern.compile("(\\w+)\\s*=\\s*(?:\"([^\"]*)\"|([^\\s,]+))");
    private static final SecureRandom RANDOM = new SecureRandom();

    /** @param named whether the server named its algorithm (else MD5 is implied and left out of the answer) */
    private record Challenge(boolean digest, String realm, String nonce, String opaque, String algorithm, String qop,
            boolean named) {
    }

    private final String username;
    private final String password;
    private final Supplier<String> cnonces;
    private Challenge challenge;
    private int nonceCount;

    public RtspAuthenticator(String username, String password) {
        this(username, password, RtspAuthenticator::randomCnonce);
    }

    RtspAuthenticator(String username, String password, Supplier<String> cnonces) {
        this.username = username;
        this.password = password;
        this.cnonces = cnonces;
    }

    /** The login in a URL's user-info ({@code user:password}, percent-encoded), or null when it has none. */
    public static RtspAuthenticator fromUserInfo(URI uri) {
        UrlLogin login = UrlLogin.of(uri);
        return login == null ? null : new RtspAuthenticator(login.username(), login.password());
    }

    /**
     * Takes the server's challenges (the values of its {@code WWW-Authenticate} headers) for the requests to come.
     *
     * @return false when none is a scheme this class answers (Digest with MD5 or SHA-256, Basic)
     */
    public synchronized boolean challenged(List<String> wwwAuthenticate) {
        Challenge basic = null;
        for (String value : wwwAuthenticate) {
            String scheme = value.strip().split("\\s+", 2)[0].toLowerCase(Locale.ROOT);
            Map<String, String> p = params(value);
            if (scheme.equals("digest")) {
                String algorithm = p.getOrDefault("algorithm", "MD5").toUpperCase(Locale.ROOT);
                if (algorithm.equals("MD5") || algorithm.equals("SHA-256")) {
                    String qop = Arrays.stream(p.getOrDefault("qop", "").split(",")).map(String::strip)
                            .anyMatch("auth"::equalsIgnoreCase) ? "auth" : null;
                    Challenge next = new Challenge(true, p.getOrDefault("realm", ""), p.getOrDefault("nonce", ""),
                            p.get("opaque"), algorithm, qop, p.containsKey("algorithm"));
                    if (challenge == null || !next.nonce().equals(challenge.nonce())) {
                        nonceCount = 0;
                    }
                    challenge = next;
                    return true;
                }
            } else if (scheme.equals("basic")) {
                basic = new Challenge(false, p.getOrDefault("realm", ""), null, null, null, null, false);
            }
        }
        if (basic != null) {
            challenge = basic;
            return true;
        }
        return false;
    }

    /** The {@code Authorization} header value for a request, or null before any challenge was taken. */
    public synchronized String authorization(String method, String uri) {
        Challenge c = challenge;
        if (c == null) {
            return null;
        }
        if (!c.digest()) {
            return "Basic " + Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
        }
        /*
         * Quoted fields first, response among them, unquoted ones (algorithm, qop, nc) last: live555, the RTSP server
         * inside many cameras, reads quoted fields only and stops at the first unquoted one, so an algorithm before
         * the response made it refuse the right password. algorithm is named only when the challenge named it.
         */
        StringBuilder header = new StringBuilder("Digest username=\"").append(username).append("\", realm=\"")
                .append(c.realm()).append("\", nonce=\"").append(c.nonce()).append("\", uri=\"").append(uri).append('"');
        String response;
        String unquoted = "";
        if (c.qop() == null) {
            response = digestResponse(c.algorithm(), username, c.realm(), password, method, uri, c.nonce(), null, null, null);
            header.append(", response=\"").append(response).append('"');
        } else {
            String nc = String.format(Locale.ROOT, "%08x", ++nonceCount);
            String cnonce = cnonces.get();
            response = digestResponse(c.algorithm(), username, c.realm(), password, method, uri, c.nonce(), nc, cnonce, c.qop());
            header.append(", response=\"").append(response).append("\", cnonce=\"").append(cnonce).append('"');
            unquoted = ", qop=" + c.qop() + ", nc=" + nc;
        }
        if (c.opaque() != null) {
            header.append(", opaque=\"").append(c.opaque()).append('"');
        }
        if (c.named()) {
            header.append(", algorithm=").append(c.algorithm());
        }
        return header.append(unquoted).toString();
    }

    /**
     * The {@code response} of a Digest {@code Authorization} (RFC 2617 section 3.2.2.1, RFC 7616 section 3.4.1):
     * {@code H(H(user:realm:password):nonce:nc:cnonce:qop:H(method:uri))}, or without nc, cnonce and qop when
     * {@code qop} is null.
     *
     * @param algorithm {@code MD5} or {@code SHA-256}
     */
    public static String digestResponse(String algorithm, String username, String realm, String password, String method,
            String uri, String nonce, String nc, String cnonce, String qop) {
        String ha1 = hash(algorithm, username + ":" + realm + ":" + password);
        String ha2 = hash(algorithm, method + ":" + uri);
        return hash(algorithm, qop == null ? ha1 + ":" + nonce + ":" + ha2
                : ha1 + ":" + nonce + ":" + nc + ":" + cnonce + ":" + qop + ":" + ha2);
    }

    /** The parameters of a challenge or an {@code Authorization} value, names in lower case. */
    public static Map<String, String> params(String value) {
        Map<String, String> params = new LinkedHashMap<>();
        Matcher m = PARAM.matcher(value);
        while (m.find()) {
            params.putIfAbsent(m.group(1).toLowerCase(Locale.ROOT), m.group(2) != null ? m.group(2) : m.group(3));
        }
        return params;
    }

    private static String hash(String algorithm, String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has " + algorithm, e);
        }
    }

    private static String randomCnonce() {
        byte[] bytes = new byte[8];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
