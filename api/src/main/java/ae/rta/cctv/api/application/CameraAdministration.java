package ae.rta.cctv.api.application;

import ae.rta.cctv.api.application.port.out.CameraDirectory;
import ae.rta.cctv.api.application.port.out.CameraDirectory.CameraSummary;
import ae.rta.cctv.api.domain.AuditAction;
import ae.rta.cctv.api.domain.AuditOutcome;
import ae.rta.cctv.api.domain.Caller;
import ae.rta.cctv.common.domain.CameraId;
import ae.rta.cctv.common.web.ProblemException;

/** Adding and removing cameras (ADMIN); each change is audited as {@code CAMERA_CHANGE}, never with credentials. */
public final class CameraAdministration {

    private final CameraDirectory directory;
    private final VisibleCameras cameras;
    private final AuditTrail audit;

    public CameraAdministration(CameraDirectory directory, VisibleCameras cameras, AuditTrail audit) {
        this.directory = directory;
        this.cameras = cameras;
        this.audit = audit;
    }

    /** @throws ProblemException the vms service's 400 for a bad camera, 503 when it does not answer */
    public CameraSummary add(Caller admin, CameraDirectory.NewCamera camera, RequestOrigin origin) {
        CameraSummary added;
        try {
            added = directory.add(camera);
        } catch (CameraDirectory.DirectoryUnavailableException e) {
            throw ProblemException.unavailable("The camera directory (vms service) does not answer; try again shortly.");
        }
        audit.record(admin, AuditAction.CAMERA_CHANGE, added.id().toString(), AuditOutcome.SUCCESS,
                "added " + added.sourceType() + " camera '" + added.name() + "' in " + added.agency(), origin);
        return added;
    }

    /**
     * Tests a source before it is saved: what the camera answered, in words. Audited as {@code CAMERA_TEST} (it makes
     * the system connect where an administrator says), naming the host only.
     *
     * @throws ProblemException the vms service's 400 for a bad source, 503 when it does not answer
     */
    public CameraDirectory.ConnectionTest testConnection(Caller admin, java.util.Map<String, Object> source,
            RequestOrigin origin) {
        CameraDirectory.ConnectionTest result;
        try {
            result = directory.testConnection(source);
        } catch (CameraDirectory.DirectoryUnavailableException e) {
            throw ProblemException.unavailable("The camera directory (vms service) does not answer; try again shortly.");
        }
        audit.record(admin, AuditAction.CAMERA_TEST, host(source), result.reachable() ? AuditOutcome.SUCCESS
                : AuditOutcome.FAILED, result.reachable() ? "reachable" : result.reason(), origin);
        return result;
    }

    /* The host the source points at, without user-info, path or query: what the audit row may say. */
    private static String host(java.util.Map<String, Object> source) {
        Object url = source == null ? null : source.getOrDefault("url", source.get("address"));
        if (!(url instanceof String text)) {
            return "camera source";
        }
        try {
            java.net.URI uri = java.net.URI.create(text.strip());
            return uri.getHost() == null ? "camera source" : uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : "");
        } catch (IllegalArgumentException e) {
            return "camera source";
        }
    }

    /**
     * Turns a camera's sound on or off. On needs the approval it rests on; either way it is audited as
     * {@code CAMERA_CHANGE} with the approval named, and recording, live and export follow within seconds.
     *
     * @throws ProblemException 404 for no such (visible) camera, 400 when turning on without an approval
     */
    public CameraSummary setAudio(Caller admin, CameraId id, boolean enabled, String approval, RequestOrigin origin) {
        CameraSummary camera = cameras.get(admin, id);
        CameraSummary changed;
        try {
            changed = directory.setAudio(id, enabled, approval);
        } catch (CameraDirectory.DirectoryUnavailableException e) {
            throw ProblemException.unavailable("The camera directory (vms service) does not answer; try again shortly.");
        }
        audit.record(admin, AuditAction.CAMERA_CHANGE, id.toString(), AuditOutcome.SUCCESS, enabled
                ? "audio on for camera '" + camera.name() + "' under approval '" + changed.audioApproval() + "'"
                : "audio off for camera '" + camera.name() + "'", origin);
        return changed;
    }

    /** @throws ProblemException 404 for no such (visible) camera */
    public void remove(Caller admin, CameraId id, RequestOrigin origin) {
        CameraSummary camera = cameras.get(admin, id);
        try {
            if (!directory.remove(id)) {
                throw ProblemException.notFound("No camera has id " + id + ".");
            }
        } catch (CameraDirectory.DirectoryUnavailableException e) {
            throw ProblemException.unavailable("The camera directory (vms service) does not answer; try again shortly.");
        }
        audit.record(admin, AuditAction.CAMERA_CHANGE, id.toString(), AuditOutcome.SUCCESS,
                "removed camera '" + camera.name() + "' of " + camera.agency(), origin);
    }
}
