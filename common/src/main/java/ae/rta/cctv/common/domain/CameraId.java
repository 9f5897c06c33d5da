package ae.rta.cctv.common.domain;

import java.util.Objects;
import java.util.UUID;

/** The system-wide identity of a camera, the same in every service. */
public record CameraId(UUID value) {

    public CameraId {
        Objects.requireNonNull(value, "camera id");
    }

    public static CameraId random() {
        return new CameraId(UUID.randomUUID());
    }

    /** @throws IllegalArgumentException when {@code text} is not a UUID */
    public static CameraId parse(String text) {
        if (text == null || text.length() != 36) {
            throw new IllegalArgumentException("camera id must be a UUID");
        }
        try {
            return new CameraId(UUID.fromString(text));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("camera id must be a UUID");
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
