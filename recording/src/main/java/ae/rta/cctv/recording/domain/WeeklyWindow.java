package ae.rta.cctv.recording.domain;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * A weekly recording window in the camera's own time zone: on {@code days}, from {@code from} to {@code to}. A
 * window whose end is not after its start runs past midnight into the next day (22:00-06:00).
 */
public record WeeklyWindow(Set<DayOfWeek> days, LocalTime from, LocalTime to) {

    public WeeklyWindow {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (days == null || days.isEmpty()) {
            throw new IllegalArgumentException("a window needs at least one day");
        }
        days = Set.copyOf(EnumSet.copyOf(days));
        if (from.equals(to)) {
            throw new IllegalArgumentException("a window's from and to must differ");
        }
    }

    /** Whether the window is open at this local time. */
    public boolean contains(ZonedDateTime local) {
        LocalTime time = local.toLocalTime();
        DayOfWeek day = local.getDayOfWeek();
        if (from.isBefore(to)) {
            return days.contains(day) && !time.isBefore(from) && time.isBefore(to);
        }
        // overnight: the evening part belongs to its day, the morning part to the day before
        return (days.contains(day) && !time.isBefore(from)) || (days.contains(day.minus(1)) && time.isBefore(to));
    }
}
