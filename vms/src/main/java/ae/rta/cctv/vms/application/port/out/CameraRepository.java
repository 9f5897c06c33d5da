package ae.rta.cctv.vms.application.port.out;

import ae.rta.cctv.common.domain.AgencyCode;
import ae.rta.cctv.vms.domain.Camera;
import java.util.List;

/** Where cameras and agencies are kept. */
public interface CameraRepository {

    /** Adds the agency unless one with its code exists. */
    void addAgencyIfAbsent(AgencyCode code, String name, String nameAr);

    /** Adds the camera unless one with its id exists. */
    void addIfAbsent(Camera camera);

    /** The code of every agency, in order. */
    List<AgencyCode> findAgencyCodes();

    /** Every camera, ordered by agency then name; never null. */
    List<Camera> findAll();
}
