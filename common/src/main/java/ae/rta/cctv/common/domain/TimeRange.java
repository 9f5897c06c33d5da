package ae.rta.cctv.common.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A half-open interval of wall-clock time, {@code [start, end)}, with {@code end} strictly after {@code start}.
 *
 * @param start first instant inside the range, never null
 * @param end first instant after the range, never null
 */
public record TimeRange(Instant start, Instant end) {

    /** @throws IllegalArgumentException when either bound is missing or {@code end} is not after {@code start} */
    public TimeRange {
        if (start == null || end == null) {
            throw new IllegalArgumentException("a time range needs both start and end");
        }
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException("end (" + end + ") must be after start (" + start + ")");
        }
    }

    public static TimeRange of(Instant start, Duration length) {
        return new TimeRange(start, start.plus(length));
    }

    public Duration duration() {
        return Duration.between(start, end);
    }

    public boolean contains(Instant instant) {
        return !instant.isBefore(start) && instant.isBefore(end);
    }

    public boolean overlaps(TimeRange other) {
        return start.isBefore(other.end) && other.start.isBefore(end);
    }

    /** The part of this range that lies inside {@code other}, empty when they do not overlap. */
    public Optional<TimeRange> intersection(TimeRange other) {
        Objects.requireNonNull(other, "other");
        Instant s = start.isAfter(other.start) ? start : other.start;
        Instant e = end.isBefore(other.end) ? end : other.end;
        return e.isAfter(s) ? Optional.of(new TimeRange(s, e)) : Optional.empty();
    }

    @Override
    public String toString() {
        return start + "/" + end;
    }
}
