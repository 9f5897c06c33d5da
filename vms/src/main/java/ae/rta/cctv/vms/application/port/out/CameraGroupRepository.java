package ae.rta.cctv.vms.application.port.out;

import ae.rta.cctv.common.domain.CameraId;
import ae.rta.cctv.vms.domain.CameraGroup;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Where camera groups and their members are kept. */
public interface CameraGroupRepository {

    /** Every group with its cameras, by agency then name. */
    List<CameraGroup> findAll();

    Optional<CameraGroup> findById(UUID id);

    /** @return false when the agency already has a group of that name */
    boolean insert(CameraGroup group);

    /** Replaces the group's members. */
    void setMembers(UUID group, List<CameraId> cameras);

    /** @return whether a group was removed */
    boolean delete(UUID id);
}
