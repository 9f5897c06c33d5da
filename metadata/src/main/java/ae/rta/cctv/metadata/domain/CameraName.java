package ae.rta.cctv.metadata.domain;

import ae.rta.cctv.common.domain.AgencyCode;
import ae.rta.cctv.common.domain.CameraId;
import java.util.Objects;

/** A camera's names as the camera catalog (vms service) gives them. @param nameAr the Arabic name, or null */
public record CameraName(CameraId id, AgencyCode agency, String name, String nameAr) {

    public CameraName {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(agency, "agency");
        Objects.requireNonNull(name, "name");
        nameAr = nameAr == null || nameAr.isBlank() ? null : nameAr;
    }
}
