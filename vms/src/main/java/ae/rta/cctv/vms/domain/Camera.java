package ae.rta.cctv.vms.domain;

import ae.rta.cctv.common.domain.AgencyCode;
import ae.rta.cctv.common.domain.CameraId;
import java.util.Objects;

/**
 * A camera the system knows.
 *
 * @param id system-wide identity
 * @param name English name, 1 to 200 characters
 * @param nameAr Arabic name, or null
 * @param agency the agency that owns it
 * @param source how its video is reached
 * @param ptz whether it can pan, tilt and zoom
 * @param status the result of its last health probe
 */
public record Camera(CameraId id, String name, String nameAr, AgencyCode agency, SourceType source, boolean ptz,
        CameraStatus status) {

    public static final int MAX_NAME_LENGTH = 200;

    /** @throws IllegalArgumentException when a required field is missing or a name is too long */
    public Camera {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(agency, "agency");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(status, "status");
        name = requireName(name, "name");
        if (nameAr != null) {
            nameAr = requireName(nameAr, "nameAr");
        }
    }

    private static String requireName(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + " must not be blank");
        }
        String trimmed = value.strip();
        if (trimmed.length() > MAX_NAME_LENGTH) {
            throw new IllegalArgumentException(field + " must be at most " + MAX_NAME_LENGTH + " characters");
        }
        return trimmed;
    }
}
