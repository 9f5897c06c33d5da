package ae.rta.cctv.common.security;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs the parts of a media link (an object key and expiry, a stream reservation and variant) with HMAC-SHA256, so
 * the service that serves the link can check it was issued by this deployment without asking anyone. The key is
 * derived from the deployment's service secret and a purpose: a link signed for one purpose never verifies for
 * another.
 */
public final class UrlSigner {

    private final SecretKeySpec key;
    /* A playlist signs every one of its ~1,000 byte-range links: one initialised Mac per thread, not one per link. */
    private final ThreadLocal<Mac> macs;

    private UrlSigner(byte[] key) {
        this.key = new SecretKeySpec(key, "HmacSHA256");
        this.macs = ThreadLocal.withInitial(this::newMac);
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac;
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }

    /** @param purpose names what the links are for, such as {@code cctv-media-urls} */
    public static UrlSigner create(String serviceSecret, String purpose) {
        try {
            return new UrlSigner(MessageDigest.getInstance("SHA-256")
                    .digest((purpose + ":" + serviceSecret).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The URL-safe signature of {@code parts}, joined by newlines (which none of them may contain). */
    public String sign(String... parts) {
        for (String part : parts) {
            if (part.indexOf('\n') >= 0) {
                throw new IllegalArgumentException("a signed part cannot hold a newline");
            }
        }
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(macs.get().doFinal(String.join("\n", parts).getBytes(StandardCharsets.UTF_8)));
    }

    /** Whether {@code signature} is the signature of {@code parts}, compared in constant time. */
    public boolean verify(String signature, String... parts) {
        if (signature == null) {
            return false;
        }
        for (String part : parts) {
            if (part == null || part.indexOf('\n') >= 0) {
                return false;
            }
        }
        return MessageDigest.isEqual(sign(parts).getBytes(StandardCharsets.US_ASCII),
                signature.getBytes(StandardCharsets.US_ASCII));
    }
}
