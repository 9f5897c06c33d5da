package ae.rta.cctv.common.security;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The signed part of a live viewer URL: {@code variant=main&sig=<hmac>} bound to one stream reservation. The api
 * service signs it when it grants the reservation; the live service checks it, and serves the viewer only while
 * that reservation lives, so a URL is worth nothing once its stream is released or lapses.
 */
public final class LiveTickets {

    private final UrlSigner signer;

    public LiveTickets(String serviceSecret) {
        this.signer = UrlSigner.create(serviceSecret, "cctv-live-urls");
    }

    /** The query string (no leading {@code ?}) for {@code reservation} and {@code variant} ({@code main} or {@code sub}). */
    public String query(String reservation, String variant) {
        return signedQuery(variant, signer.sign(reservation, variant));
    }

    /** The query of a viewer URL from a signature already made (and checked), as the live service hands URLs on. */
    public static String signedQuery(String variant, String signature) {
        return "variant=" + variant + "&sig=" + URLEncoder.encode(signature, StandardCharsets.UTF_8);
    }

    public boolean verify(String reservation, String variant, String signature) {
        return reservation != null && variant != null && signer.verify(signature, reservation, variant);
    }
}
