package ae.rta.cctv.metadata;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Configuration of the metadata service ({@code cctv.metadata.*}).
 *
 * @param cameraSyncInterval how often camera names are read from the vms service
 * @param holdRetryInterval how often evidence-hold releases the storage service missed are tried again
 */
@ConfigurationProperties("cctv.metadata")
public record MetadataSettings(
        @DefaultValue("PT30S") Duration cameraSyncInterval,
        @DefaultValue("PT1M") Duration holdRetryInterval,
        @DefaultValue Search search) {

    /**
     * Full-text search.
     *
     * @param maxRanked how many of the newest matches are ranked at most; beyond it the total is a lower bound (ADR 10)
     * @param timeout how long one search may take before it is refused (503)
     */
    public record Search(@DefaultValue("1000") int maxRanked, @DefaultValue("PT5S") Duration timeout) {

        public Search {
            if (maxRanked < 10 || maxRanked > 1_000_000) {
                throw new IllegalArgumentException("cctv.metadata.search.max-ranked must be 10 to 1000000");
            }
        }
    }
}
