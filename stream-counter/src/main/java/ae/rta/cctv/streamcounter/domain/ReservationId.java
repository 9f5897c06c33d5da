package ae.rta.cctv.streamcounter.domain;

import ae.rta.cctv.common.domain.AgencyCode;
import ae.rta.cctv.common.domain.CameraId;
import java.util.UUID;

/**
 * The identity of a live-stream reservation. It names the agency and camera it counts against, so every key a
 * heartbeat or release touches is known from the id alone and each operation is one round trip to the store.
 * Text form: {@code AGENCY.cameraUuid.randomUuid}.
 */
public record ReservationId(AgencyCode agency, CameraId camera, UUID nonce) {

    public static ReservationId newFor(AgencyCode agency, CameraId camera) {
        return new ReservationId(agency, camera, UUID.randomUUID());
    }

    /** @throws IllegalArgumentException when {@code text} is not of the reservation-id form */
    public static ReservationId parse(String text) {
        String[] parts = text == null ? new String[0] : text.split("\\.", -1);
        if (parts.length != 3 || parts[2].length() != 36) {
            throw new IllegalArgumentException("not a stream reservation id");
        }
        try {
            return new ReservationId(new AgencyCode(parts[0]), CameraId.parse(parts[1]), UUID.fromString(parts[2]));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a stream reservation id");
        }
    }

    @Override
    public String toString() {
        return agency + "." + camera + "." + nonce;
    }
}
