package ae.rta.cctv.streamcounter.application;

import ae.rta.cctv.common.domain.AgencyCode;
import ae.rta.cctv.streamcounter.application.port.out.QuotaHistory;
import ae.rta.cctv.streamcounter.domain.QuotaSample;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * The history of live-stream use: every agency's live count and limit is sampled several times a minute and each
 * minute keeps its peak, so the dashboard can chart the last 24 hours against the quota. Samples older than
 * {@code retention} are dropped when sampling.
 */
public final class QuotaSampler {

    /** The longest stretch one read returns. */
    public static final Duration MAX_READ = Duration.ofHours(48);

    private final StreamQuotas quotas;
    private final QuotaHistory history;
    private final Clock clock;
    private final Duration retention;

    public QuotaSampler(StreamQuotas quotas, QuotaHistory history, Clock clock, Duration retention) {
        this.quotas = quotas;
        this.history = history;
        this.clock = clock;
        this.retention = retention;
    }

    /**
     * Samples the current minute.
     *
     * @throws ae.rta.cctv.streamcounter.application.port.out.QuotaStore.QuotaStoreUnavailableException when the
     *     counts cannot be read (that minute then has no sample: a hole in the chart, not a zero)
     */
    public List<QuotaSample> sample() {
        Instant minute = clock.instant().truncatedTo(ChronoUnit.MINUTES);
        List<QuotaSample> samples = quotas.quotas(List.of()).stream()
                .map(q -> new QuotaSample(minute, q.agency(), q.active(), q.limit())).toList();
        history.record(samples);
        history.deleteBefore(minute.minus(retention));
        return samples;
    }

    /**
     * The samples of {@code [from, to)}, of the given agencies only (null: every agency).
     *
     * @throws IllegalArgumentException when {@code to} is not after {@code from} or the stretch exceeds {@link #MAX_READ}
     */
    public List<QuotaSample> between(Instant from, Instant to, Collection<AgencyCode> agencies) {
        if (!to.isAfter(from)) {
            throw new IllegalArgumentException("to must be after from");
        }
        if (Duration.between(from, to).compareTo(MAX_READ) > 0) {
            throw new IllegalArgumentException("at most " + MAX_READ.toHours() + " hours of samples at once");
        }
        Set<AgencyCode> wanted = agencies == null ? null : Set.copyOf(agencies);
        return history.between(from, to).stream().filter(s -> wanted == null || wanted.contains(s.agency())).toList();
    }
}
