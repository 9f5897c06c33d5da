package ae.rta.cctv.storage.adapter.out.filesystem;

import ae.rta.cctv.common.security.UrlSigner;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;

/**
 * Short-lived links to stored objects served by this service: {@code <base>/media/<key>?expires=<epoch s>&signature=<hmac>},
 * an HMAC-SHA256 over the key and expiry with a key derived from the deployment's service secret.
 */
public final class MediaSigner {

    private final java.util.function.Supplier<String> baseUrl;
    private final UrlSigner signer;
    private final Clock clock;

    public MediaSigner(String baseUrl, String serviceSecret, Clock clock) {
        this(() -> baseUrl, serviceSecret, clock);
    }

    /** @param baseUrl read at each signing: the service's own port is only known once it listens */
    public MediaSigner(java.util.function.Supplier<String> baseUrl, String serviceSecret, Clock clock) {
        this.baseUrl = baseUrl;
        this.clock = clock;
        this.signer = UrlSigner.create(serviceSecret, "cctv-media-urls");
    }

    public URI sign(String objectKey, Instant expires) {
        long epoch = expires.getEpochSecond();
        return URI.create(unsigned(objectKey) + "?expires=" + epoch + "&signature="
                + URLEncoder.encode(signer.sign(objectKey, Long.toString(epoch)), StandardCharsets.UTF_8));
    }

    /** The object's link without a signature ({@code <base>/media/<key>}): what playback signs byte ranges of. */
    public String unsigned(String objectKey) {
        return baseUrl.get().replaceAll("/+$", "") + "/media/" + objectKey;
    }

    /** Whether a link's signature is genuine and it has not expired. */
    public boolean verify(String objectKey, long expires, String signature) {
        if (signature == null || expires < clock.instant().getEpochSecond()) {
            return false;
        }
        return signer.verify(signature, objectKey, Long.toString(expires));
    }
}
