package ae.rta.cctv.vms.domain;

import ae.rta.cctv.common.domain.PrintableText;
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
 * @param health what its last health probes found
 */
public record Camera(CameraId id, String name, String nameAr, AgencyCode agency, CameraSource source, boolean ptz,
        CameraHealth health) {

    public static final int MAX_NAME_LENGTH = 200;

    /** @throws IllegalArgumentException when a required field is missing or a name is blank, too long or unprintable */
    public Camera {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(agency, "agency");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(health, "health");
        name = requireName(name, "name");
        if (nameAr != null) {
            nameAr = requireName(nameAr, "nameAr");
        }
    }

    public CameraStatus status() {
        return health.status();
    }

    public Camera withHealth(CameraHealth newHealth) {
        return new Camera(id, name, nameAr, agency, source, ptz, newHealth);
    }

    private static String requireName(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + " must not be blank");
        }
        String trimmed = value.strip();
        if (trimmed.length() > MAX_NAME_LENGTH) {
            throw new IllegalArgumentException(field + " must be at most " + MAX_NAME_LENGTH + " characters");
        }
        if (!PrintableText.isLine(trimmed)) {
            throw new IllegalArgumentException(field + " must not contain control characters");
        }
        return trimmed;
    }
}
