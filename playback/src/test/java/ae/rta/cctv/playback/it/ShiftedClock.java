package ae.rta.cctv.playback.it;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** The system clock moved on by a shift a test sets (and sets back): how tests make links expire without waiting. */
final class ShiftedClock extends Clock {

    private volatile Duration shift = Duration.ZERO;

    void shift(Duration by) {
        shift = by;
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(shift);
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
