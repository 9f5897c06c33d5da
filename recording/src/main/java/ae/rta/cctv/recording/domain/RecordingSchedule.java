package ae.rta.cctv.recording.domain;

import ae.rta.cctv.common.domain.CameraId;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

/**
 * When one camera records.
 *
 * @param windows for SCHEDULED: the weekly windows, in {@code zone}
 * @param retentionDays how long its footage is kept, or null for the agency's or system's default
 */
public record RecordingSchedule(CameraId camera, RecordingMode mode, List<WeeklyWindow> windows, ZoneId zone,
        Integer retentionDays) {

    public static final int MAX_RETENTION_DAYS = 3650;

    public RecordingSchedule {
        Objects.requireNonNull(camera, "camera");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(zone, "zone");
        windows = windows == null ? List.of() : List.copyOf(windows);
        if (mode == RecordingMode.SCHEDULED && windows.isEmpty()) {
            throw new IllegalArgumentException("a SCHEDULED camera needs at least one window");
        }
        if (windows.size() > 50) {
            throw new IllegalArgumentException("at most 50 windows");
        }
        if (retentionDays != null && (retentionDays < 1 || retentionDays > MAX_RETENTION_DAYS)) {
            throw new IllegalArgumentException("retentionDays must be 1 to " + MAX_RETENTION_DAYS);
        }
    }

    /** Whether the camera should be recording at {@code now}. */
    public boolean recordsAt(Instant now) {
        return switch (mode) {
            case CONTINUOUS -> true;
            case OFF -> false;
            case SCHEDULED -> windows.stream().anyMatch(w -> w.contains(now.atZone(zone)));
        };
    }
}
