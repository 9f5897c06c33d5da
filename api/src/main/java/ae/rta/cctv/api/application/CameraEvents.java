package ae.rta.cctv.api.application;

import ae.rta.cctv.api.application.port.out.CameraEventLog;
import ae.rta.cctv.api.domain.Caller;
import ae.rta.cctv.common.domain.CameraId;
import ae.rta.cctv.common.web.ProblemException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** A visible camera's events over a range, for the playback timeline: motion, tampering, status changes. */
public final class CameraEvents {

    public static final Duration MAX_RANGE = Duration.ofDays(31);
    public static final int MAX_EVENTS = 1000;
    private static final Set<String> KINDS = Set.of("MOTION", "TAMPERING", "STATUS");

    private final VisibleCameras cameras;
    private final CameraEventLog log;

    public CameraEvents(VisibleCameras cameras, CameraEventLog log) {
        this.cameras = cameras;
        this.log = log;
    }

    /**
     * @param kind MOTION, TAMPERING or STATUS (any case), or null for all
     * @throws IllegalArgumentException for a bad range or kind
     * @throws ProblemException 404 for a camera the caller cannot see, 503 when the vms service does not answer
     */
    public List<CameraEventLog.CameraEvent> of(Caller caller, CameraId id, Instant start, Instant end, String kind) {
        cameras.get(caller, id);
        if (!end.isAfter(start) || Duration.between(start, end).compareTo(MAX_RANGE) > 0) {
            throw new IllegalArgumentException("end must be after start, at most " + MAX_RANGE.toDays() + " days later");
        }
        String wanted = kind == null || kind.isBlank() ? null : kind.strip().toUpperCase(Locale.ROOT);
        if (wanted != null && !KINDS.contains(wanted)) {
            throw new IllegalArgumentException("kind must be motion, tampering or status");
        }
        try {
            return log.events(id, start, end, wanted, MAX_EVENTS);
        } catch (CameraEventLog.UnavailableException e) {
            throw ProblemException.unavailable("The camera directory (vms service) does not answer; try again shortly.");
        }
    }
}
