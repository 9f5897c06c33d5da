package ae.rta.cctv.common.rtsp;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * The login in a stream URL's user-info ({@code rtsp://user:password@host/...}, each part percent-encoded), which
 * the vms service hands to the services that pull the stream, and the URL without it.
 */
public record UrlLogin(String username, String password) {

    /** The login of {@code uri}, or null when it has no user-info. */
    public static UrlLogin of(URI uri) {
        String info = uri.getRawUserInfo();
        if (info == null || info.isEmpty()) {
            return null;
        }
        int colon = info.indexOf(':');
        return new UrlLogin(decoded(colon < 0 ? info : info.substring(0, colon)), decoded(colon < 0 ? "" : info.substring(colon + 1)));
    }

    /** {@code uri} without its user-info (and fragment). */
    public static URI without(URI uri) {
        try {
            return new URI(uri.getScheme(), null, uri.getHost(), uri.getPort(), uri.getPath(), uri.getQuery(), null);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("a URL without its login is no URL", e);
        }
    }

    /* URI escapes decoded; a '+' stays a '+' (URLDecoder would make it a space: that is form encoding, not a URI's). */
    private static String decoded(String text) {
        return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "UrlLogin[credentials hidden]";
    }
}
