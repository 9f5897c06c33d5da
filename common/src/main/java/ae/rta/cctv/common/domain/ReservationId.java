package ae.rta.cctv.common.domain;

import java.util.Optional;
import java.util.UUID;

/**
 * The identity of a live-stream reservation. It names the agency and camera it counts against, so every key a
 * heartbeat or release touches is known from the id alone and each operation is one round trip to the store.
 * Text form: {@code AGENCY.cameraUuid.randomUuid}, UUIDs in their canonical lower-case form. The stream-counter
 * makes them; the api and the live service read agency and camera from them, here and nowhere else.
 */
public record ReservationId(AgencyCode agency, CameraId camera, UUID nonce) {

    public static ReservationId newFor(AgencyCode agency, CameraId camera) {
        return new ReservationId(agency, camera, UUID.randomUUID());
    }

    /** @throws IllegalArgumentException when {@code text} is not of the reservation-id form */
    public static ReservationId parse(String text) {
        return tryParse(text).orElseThrow(() -> new IllegalArgumentException("not a stream reservation id"));
    }

    /** The id {@code text} spells, or empty when it is not one (any other spelling of the same UUIDs included). */
    public static Optional<ReservationId> tryParse(String text) {
        String[] parts = text == null || text.length() > 120 ? new String[0] : text.split("\\.", -1);
        if (parts.length != 3 || parts[1].length() != 36 || parts[2].length() != 36) {
            return Optional.empty();
        }
        try {
            ReservationId id = new ReservationId(new AgencyCode(parts[0]), CameraId.parse(parts[1]), UUID.fromString(parts[2]));
            return id.toString().equals(text) ? Optional.of(id) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        return agency + "." + camera + "." + nonce;
    }
}
