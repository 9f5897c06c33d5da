package ae.rta.cctv.vms.domain;

import ae.rta.cctv.common.domain.PrintableText;
import ae.rta.cctv.common.domain.AgencyCode;
import ae.rta.cctv.common.domain.CameraId;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/** A named set of one agency's cameras. @param nameAr the Arabic name, or null */
public record CameraGroup(UUID id, AgencyCode agency, String name, String nameAr, List<CameraId> cameras) {

    public CameraGroup {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(agency, "agency");
        name = requireName(name, "name");
        nameAr = nameAr == null || nameAr.isBlank() ? null : requireName(nameAr, "nameAr");
        cameras = List.copyOf(cameras);
    }

    private static String requireName(String value, String field) {
        if (value == null || value.isBlank() || value.strip().length() > Camera.MAX_NAME_LENGTH
                || !PrintableText.isLine(value)) {
            throw new IllegalArgumentException(field + " must be 1 to " + Camera.MAX_NAME_LENGTH + " printable characters");
        }
        return value.strip();
    }
}
