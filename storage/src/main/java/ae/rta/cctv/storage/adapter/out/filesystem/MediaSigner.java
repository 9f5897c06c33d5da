package ae.rta.cctv.storage.adapter.out.filesystem;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Short-lived links to stored objects served by this service: {@code <base>/media/<key>?expires=<epoch s>&signature=<hmac>},
 * an HMAC-SHA256 over the key and expiry with a key derived from the deployment's service secret.
 */
public final class MediaSigner {

    private final java.util.function.Supplier<String> baseUrl;
    private final byte[] key;
    private final Clock clock;

    public MediaSigner(String baseUrl, String serviceSecret, Clock clock) {
        this(() -> baseUrl, serviceSecret, clock);
    }

    /** @param baseUrl read at each signing: the service's own port is only known once it listens */
    public MediaSigner(java.util.function.Supplier<String> baseUrl, String serviceSecret, Clock clock) {
        this.baseUrl = baseUrl;
        this.clock = clock;
        try {
            this.key = MessageDigest.getInstance("SHA-256").digest(("cctv-media-urls:" + serviceSecret).getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public URI sign(String objectKey, Instant expires) {
        long epoch = expires.getEpochSecond();
        String base = baseUrl.get().replaceAll("/+$", "");
        return URI.create(base + "/media/" + objectKey + "?expires=" + epoch + "&signature="
                + URLEncoder.encode(mac(objectKey, epoch), StandardCharsets.UTF_8));
    }

    /** Whether a link's signature is genuine and it has not expired. */
    public boolean verify(String objectKey, long expires, String signature) {
        if (signature == null || expires < clock.instant().getEpochSecond()) {
            return false;
        }
        return MessageDigest.isEqual(mac(objectKey, expires).getBytes(StandardCharsets.US_ASCII),
                signature.getBytes(StandardCharsets.US_ASCII));
    }

    private String mac(String objectKey, long expires) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(mac.doFinal((objectKey + "\n" + expires).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }
}
