package ae.rta.cctv.common.web;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Request handling limits shared by every service.
 *
 * @param maxBodySize the largest request body accepted, 413 beyond it
 * @param unlimitedBodyPaths path patterns exempt from the limit (streamed uploads)
 * @param contentSecurityPolicy the {@code Content-Security-Policy} of every response (a JSON API loads nothing)
 * @param noStore whether responses default to {@code Cache-Control: no-store} (handlers may still set their own)
 */
@ConfigurationProperties("cctv.web")
public record WebSettings(DataSize maxBodySize, List<String> unlimitedBodyPaths, String contentSecurityPolicy,
        Boolean noStore) {

    public static final String API_CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'";

    public WebSettings {
        maxBodySize = maxBodySize == null ? DataSize.ofMegabytes(1) : maxBodySize;
        unlimitedBodyPaths = unlimitedBodyPaths == null ? List.of() : List.copyOf(unlimitedBodyPaths);
        contentSecurityPolicy = contentSecurityPolicy == null || contentSecurityPolicy.isBlank()
                ? API_CONTENT_SECURITY_POLICY : contentSecurityPolicy;
        noStore = noStore == null || noStore;
    }
}
