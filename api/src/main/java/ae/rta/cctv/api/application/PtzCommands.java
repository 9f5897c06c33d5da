package ae.rta.cctv.api.application;

import ae.rta.cctv.api.application.port.out.PtzGateway;
import ae.rta.cctv.api.domain.AuditAction;
import ae.rta.cctv.api.domain.AuditOutcome;
import ae.rta.cctv.api.domain.Caller;
import ae.rta.cctv.common.domain.CameraId;
import ae.rta.cctv.common.web.ProblemException;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** PTZ for callers who may see the camera; every command, granted or refused, is audited as {@code PTZ}. */
public final class PtzCommands {

    private final VisibleCameras cameras;
    private final PtzGateway gateway;
    private final AuditTrail audit;

    public PtzCommands(VisibleCameras cameras, PtzGateway gateway, AuditTrail audit) {
        this.cameras = cameras;
        this.gateway = gateway;
        this.audit = audit;
    }

    public Map<String, Object> move(Caller caller, CameraId id, Map<String, Object> command, RequestOrigin origin) {
        cameras.get(caller, id);
        String what = "action " + command.getOrDefault("action", "?");
        return audited(caller, id, what, origin, () -> gateway.move(id, command, caller));
    }

    public List<Map<String, Object>> presets(Caller caller, CameraId id) {
        cameras.get(caller, id);
        return call(() -> gateway.presets(id));
    }

    public Map<String, Object> setPreset(Caller caller, CameraId id, String name, boolean takeOver, RequestOrigin origin) {
        cameras.get(caller, id);
        return audited(caller, id, "set preset '" + name + "'", origin, () -> gateway.setPreset(id, name, takeOver, caller));
    }

    public void removePreset(Caller caller, CameraId id, String token, RequestOrigin origin) {
        cameras.get(caller, id);
        audited(caller, id, "remove preset " + token, origin, () -> {
            gateway.removePreset(id, token, caller);
            return null;
        });
    }

    public Map<String, Object> lock(Caller caller, CameraId id) {
        cameras.get(caller, id);
        return call(() -> gateway.lock(id));
    }

    /** Gives up the caller's PTZ lock (an ADMIN's may be another user's); audited, granted or refused. */
    public void release(Caller caller, CameraId id, RequestOrigin origin) {
        cameras.get(caller, id);
        audited(caller, id, "release lock", origin, () -> {
            gateway.release(id, caller);
            return null;
        });
    }

    private <T> T audited(Caller caller, CameraId id, String what, RequestOrigin origin, Supplier<T> call) {
        try {
            T result = call(call);
            audit.record(caller, AuditAction.PTZ, id.toString(), AuditOutcome.SUCCESS, what, origin);
            return result;
        } catch (ProblemException e) {
            audit.record(caller, AuditAction.PTZ, id.toString(),
                    e.getStatusCode().is5xxServerError() ? AuditOutcome.FAILED : AuditOutcome.DENIED,
                    what + ": " + e.getBody().getDetail(), origin);
            throw e;
        }
    }

    private static <T> T call(Supplier<T> call) {
        try {
            return call.get();
        } catch (PtzGateway.UnavailableException e) {
            throw ProblemException.unavailable("The camera service (vms) does not answer; try again shortly.");
        }
    }
}
