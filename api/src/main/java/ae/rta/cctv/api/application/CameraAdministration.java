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
