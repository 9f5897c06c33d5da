package ae.rta.cctv.api.application;

import ae.rta.cctv.api.application.port.out.ServiceGateway;
import ae.rta.cctv.api.domain.AuditAction;
import ae.rta.cctv.api.domain.AuditOutcome;
import ae.rta.cctv.api.domain.Caller;
import ae.rta.cctv.common.domain.CameraId;
import ae.rta.cctv.common.web.ProblemException;
import java.time.Instant;
import java.util.Map;

/**
 * Playback of recorded footage (the playback service), for visible cameras; every answer audited, and the first fetch
 * of its links too (by {@link LinkGrants}, when playback reports it). The links name a grant made here.
 */
public final class PlaybackControl {

    private final VisibleCameras cameras;
    private final ServiceGateway playback;
    private final AuditTrail audit;
    private final LinkGrants grants;

    public PlaybackControl(VisibleCameras cameras, ServiceGateway playback, AuditTrail audit, LinkGrants grants) {
        this.cameras = cameras;
        this.playback = playback;
        this.audit = audit;
        this.grants = grants;
    }

    /** A camera's timeline: recorded ranges, gaps with reasons, per-bucket coverage at a resolution. Not audited. */
    public Map<String, Object> timeline(Caller caller, CameraId id, Instant start, Instant end, String resolution) {
        cameras.get(caller, id);
        try {
            return playback.call("GET", "/internal/timeline?camera={c}&start={s}&end={e}&resolution={r}", null,
                    caller.username(), id, start, end, resolution == null ? "" : resolution);
        } catch (ServiceGateway.UnavailableException e) {
            throw ProblemException.unavailable("Playback is out of reach now (" + e.getMessage() + "); try again shortly.");
        }
    }

    /** @throws ProblemException 404 for a camera the caller cannot see, 400 for a bad range (from playback) */
    public Map<String, Object> play(Caller caller, CameraId id, Instant start, Instant end, RequestOrigin origin) {
        cameras.get(caller, id);
        if (!end.isAfter(start)) {
            throw ProblemException.badRequest("end must be after start.");
        }
        Map<String, Object> answer;
        java.util.UUID grant = grants.grantPlayback(caller, id, "playback of " + start + " to " + end).id();
        try {
            answer = playback.call("GET", "/internal/playback?camera=" + id + "&start=" + start + "&end=" + end
                    + "&grant=" + grant, null, caller.username());
        } catch (ServiceGateway.UnavailableException e) {
            throw ProblemException.unavailable("Playback is out of reach now (" + e.getMessage() + "); try again shortly.");
        }
        audit.record(caller, AuditAction.PLAYBACK, id.toString(), AuditOutcome.SUCCESS,
                answer.get("source") + " " + start + " to " + end, origin);
        return answer;
    }
}
