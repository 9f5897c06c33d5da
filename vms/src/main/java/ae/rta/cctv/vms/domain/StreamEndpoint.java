package ae.rta.cctv.vms.domain;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Objects;

/**
 * Where one of a camera's streams is pulled from.
 *
 * @param credentials the login to present, or null
 */
public record StreamEndpoint(URI uri, Credentials credentials) {

    public StreamEndpoint {
        Objects.requireNonNull(uri, "uri");
    }

    /** The URL with the login in its user-info part, as FFmpeg takes it. For other services only, never for people. */
    public String urlWithCredentials() {
        if (credentials == null) {
            return uri.toString();
        }
        try {
            return new URI(uri.getScheme(), credentials.username() + ":" + credentials.password(), uri.getHost(),
                    uri.getPort(), uri.getPath(), uri.getQuery(), null).toASCIIString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException("a validated stream URL cannot take credentials", e);
        }
    }

    @Override
    public String toString() {
        return "StreamEndpoint[" + uri + (credentials == null ? "" : ", with credentials") + "]";
    }
}
