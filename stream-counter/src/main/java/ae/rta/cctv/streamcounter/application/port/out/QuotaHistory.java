package ae.rta.cctv.streamcounter.application.port.out;

import ae.rta.cctv.streamcounter.domain.QuotaSample;
import java.time.Instant;
import java.util.List;

/** Where the per-minute samples of live counts and limits are kept. */
public interface QuotaHistory {

    /** Stores samples: a minute keeps the highest live count sampled in it and the latest limit. */
    void record(List<QuotaSample> samples);

    /** The samples with {@code from <= minute < to}, by minute then agency. */
    List<QuotaSample> between(Instant from, Instant to);

    /** Forgets samples older than {@code before}. @return how many were dropped */
    int deleteBefore(Instant before);
}
