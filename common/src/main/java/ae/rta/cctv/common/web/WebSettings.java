package ae.rta.cctv.common.web;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Request handling limits shared by every service.
 *
 * @param maxBodySize the largest request body accepted, 413 beyond it
 * @param unlimitedBodyPaths path patterns exempt from the limit (streamed uploads)
 */
@ConfigurationProperties("cctv.web")
public record WebSettings(DataSize maxBodySize, List<String> unlimitedBodyPaths) {

    public WebSettings {
        maxBodySize = maxBodySize == null ? DataSize.ofMegabytes(1) : maxBodySize;
        unlimitedBodyPaths = unlimitedBodyPaths == null ? List.of() : List.copyOf(unlimitedBodyPaths);
    }
}
