package ae.rta.cctv.vms.application;

import ae.rta.cctv.common.domain.AgencyCode;
import ae.rta.cctv.common.domain.CameraId;
import ae.rta.cctv.common.web.ProblemException;
import ae.rta.cctv.vms.application.port.out.CameraGroupRepository;
import ae.rta.cctv.vms.application.port.out.CameraRepository;
import ae.rta.cctv.vms.domain.Camera;
import ae.rta.cctv.vms.domain.CameraGroup;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;

/** Camera groups: per agency, holding only that agency's cameras; a camera may be in several. */
public final class CameraGroups {

    private final CameraGroupRepository groups;
    private final CameraRepository cameras;

    public CameraGroups(CameraGroupRepository groups, CameraRepository cameras) {
        this.groups = groups;
        this.cameras = cameras;
    }

    public List<CameraGroup> all() {
        return groups.findAll();
    }

    /** @throws ProblemException 400 unknown agency or bad name, 409 name taken in the agency */
    public CameraGroup create(String agency, String name, String nameAr) {
        AgencyCode code = new AgencyCode(agency == null ? "" : agency);
        if (!cameras.findAgencyCodes().contains(code)) {
            throw ProblemException.badRequest("agency " + code + " does not exist");
        }
        CameraGroup group = new CameraGroup(UUID.randomUUID(), code, name, nameAr, List.of());
        if (!groups.insert(group)) {
            throw ProblemException.conflict("The agency already has a group called '" + group.name() + "'.");
        }
        return group;
    }

    /** @throws ProblemException 404 no group, 400 a camera unknown or of another agency */
    public CameraGroup setCameras(UUID id, List<String> cameraIds) {
        CameraGroup group = groups.findById(id).orElseThrow(() -> ProblemException.notFound("No camera group has id " + id + "."));
        if (cameraIds == null || cameraIds.size() > 10_000) {
            throw new IllegalArgumentException("cameraIds must be a list of at most 10000 camera ids");
        }
        LinkedHashSet<CameraId> members = new LinkedHashSet<>();
        for (String text : cameraIds) {
            CameraId cameraId = CameraId.parse(text);
            Camera camera = cameras.findById(cameraId)
                    .orElseThrow(() -> ProblemException.badRequest("No camera has id " + cameraId + "."));
            if (!camera.agency().equals(group.agency())) {
                throw ProblemException.badRequest("Camera " + cameraId + " belongs to " + camera.agency()
                        + ", not to the group's agency " + group.agency() + ".");
            }
            members.add(cameraId);
        }
        groups.setMembers(id, List.copyOf(members));
        return new CameraGroup(group.id(), group.agency(), group.name(), group.nameAr(), List.copyOf(members));
    }

    /** @throws ProblemException 404 no group */
    public void delete(UUID id) {
        if (!groups.delete(id)) {
            throw ProblemException.notFound("No camera group has id " + id + ".");
        }
    }
}
