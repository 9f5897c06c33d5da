package ae.rta.cctv.streamcounter;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Configuration of the stream-counter service ({@code cctv.stream-counter.*}).
 *
 * @param ttl how long a reservation lives without a heartbeat
 * @param defaultAgencyLimit the limit of an agency no administrator has set one for
 * @param limitRefresh how soon a limit changed on another instance applies here
 * @param housekeeping how often lapsed reservations are dropped and gauges refreshed
 * @param sampleInterval how often live counts and limits are sampled for the history (each minute keeps its peak)
 * @param sampleRetention how long samples are kept
 */
@ConfigurationProperties("cctv.stream-counter")
public record StreamCounterSettings(@DefaultValue("PT30S") Duration ttl, @DefaultValue("20") int defaultAgencyLimit,
        @DefaultValue("PT2S") Duration limitRefresh, @DefaultValue("PT5S") Duration housekeeping,
        @DefaultValue("PT15S") Duration sampleInterval, @DefaultValue("PT48H") Duration sampleRetention) {
}
