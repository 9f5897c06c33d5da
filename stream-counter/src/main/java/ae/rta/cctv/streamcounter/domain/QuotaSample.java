package ae.rta.cctv.streamcounter.domain;

import ae.rta.cctv.common.domain.AgencyCode;
import java.time.Instant;
import java.util.Objects;

/**
 * An agency's live-stream count and limit at one minute.
 *
 * @param minute the minute sampled (whole minutes)
 * @param active live reservations then
 * @param limit the agency's limit then
 */
public record QuotaSample(Instant minute, AgencyCode agency, int active, int limit) {

    public QuotaSample {
        Objects.requireNonNull(minute, "minute");
        Objects.requireNonNull(agency, "agency");
        if (minute.getEpochSecond() % 60 != 0 || minute.getNano() != 0) {
            throw new IllegalArgumentException("a sample is of a whole minute: " + minute);
        }
        if (active < 0 || limit < 0) {
            throw new IllegalArgumentException("counts are not negative");
        }
    }
}
