package ae.rta.cctv.api.application;

import ae.rta.cctv.api.application.port.out.ServiceGateway;
import ae.rta.cctv.api.domain.AuditAction;
import ae.rta.cctv.api.domain.AuditOutcome;
import ae.rta.cctv.api.domain.Caller;
import ae.rta.cctv.common.domain.CameraId;
import ae.rta.cctv.common.web.ProblemException;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/** Recording schedules (recording service), retention and recorded ranges (storage service), for visible cameras. */
public final class RecordingControl {

    private final VisibleCameras cameras;
    private final ServiceGateway recording;
    private final ServiceGateway storage;
    private final AuditTrail audit;
    private final CameraRecording status;
    private final java.time.Clock clock;

    public RecordingControl(VisibleCameras cameras, ServiceGateway recording, ServiceGateway storage, AuditTrail audit,
            CameraRecording status, java.time.Clock clock) {
        this.cameras = cameras;
        this.recording = recording;
        this.storage = storage;
        this.audit = audit;
        this.status = status;
        this.clock = clock;
    }

    public Map<String, Object> schedule(Caller caller, CameraId id) {
        cameras.get(caller, id);
        Map<String, Object> schedule = new HashMap<>(call(() -> recording.call("GET", "/internal/schedules/" + id, null, null)));
        Map<String, Object> retention = call(() -> storage.call("GET", "/internal/cameras/" + id + "/retention", null, null));
        schedule.put("retentionDays", retention.get("days"));
        return schedule;
    }

    /** @param change {@code mode}, {@code windows}, {@code timeZone}, {@code retentionDays} as the caller gave them */
    public Map<String, Object> setSchedule(Caller admin, CameraId id, Map<String, Object> change, RequestOrigin origin) {
        cameras.get(admin, id);
        Object days = change.get("retentionDays");
        if (days != null && !(days instanceof Integer)) {
            throw new IllegalArgumentException("retentionDays must be a whole number of days");
        }
        Map<String, Object> schedule = new HashMap<>(call(() -> recording.call("PUT", "/internal/schedules/" + id, change,
                admin.username())));
        Map<String, Object> retention = new HashMap<>();
        retention.put("days", days);
        call(() -> storage.call("PUT", "/internal/cameras/" + id + "/retention", retention, admin.username()));
        schedule.put("retentionDays", days);
        audit.record(admin, AuditAction.RECORDING_CHANGE, id.toString(), AuditOutcome.SUCCESS,
                "mode " + schedule.get("mode") + ", retention " + (days == null ? "default" : days + " days"), origin);
        return schedule;
    }

    /**
     * The footage a camera has over a range, as storage indexes it, and, while the camera is recording (its segments
     * land), the footage its recorder is writing now: storage holds a segment once it is complete (60 s by default),
     * so without it "the last two minutes" of a camera recorded all along would read half empty. That edge is a range
     * of its own, {@code "recording": true}, from the newest stored segment's end to now, after the stored ranges, and
     * counts in the coverage; its footage plays once its segment lands.
     */
    public Map<String, Object> recordings(Caller caller, CameraId id, Instant start, Instant end) {
        ae.rta.cctv.api.application.port.out.CameraDirectory.CameraSummary camera = cameras.get(caller, id);
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException("end must be after start");
        }
        Map<String, Object> stored = call(() -> storage.call("GET", "/internal/cameras/" + id + "/recordings?start="
                + start + "&end=" + end, null, null));
        Map<CameraId, ae.rta.cctv.api.application.port.out.RecordingStates.State> states = status.snapshot();
        ae.rta.cctv.api.application.port.out.RecordingStates.State state = states == null ? null : states.get(id);
        if (state == null || !status.of(camera, states).recording() || state.lastSegmentEnd() == null) {
            return stored;
        }
        return LiveEdge.add(stored, state.lastSegmentEnd(), start, end, clock.instant());
    }

    private static Map<String, Object> call(Supplier<Map<String, Object>> call) {
        try {
            return call.get();
        } catch (ServiceGateway.UnavailableException e) {
            throw ProblemException.unavailable("Recording is out of reach now (" + e.getMessage() + "); try again shortly.");
        }
    }
}
