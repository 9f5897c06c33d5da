package ae.rta.cctv.testsupport;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A clock that tests move by hand, so nothing waits for time to pass: standing still from a start, or
 * {@link #ticking()} with the system clock (for a whole running service whose other parts need time to pass).
 */
public final class MutableClock extends Clock {

    private final Instant start;
    private volatile Duration moved = Duration.ZERO;

    public MutableClock(Instant start) {
        this.start = start;
    }

    /** A clock that runs with the system clock, moved on by what {@link #advance} adds. */
    public static MutableClock ticking() {
        return new MutableClock(null);
    }

    public void advance(Duration by) {
        moved = moved.plus(by);
    }

    /** Takes back every {@link #advance}. */
    public void reset() {
        moved = Duration.ZERO;
    }

    @Override
    public Instant instant() {
        return (start == null ? Instant.now() : start).plus(moved);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
