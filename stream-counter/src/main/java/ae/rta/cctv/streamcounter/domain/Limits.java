package ae.rta.cctv.streamcounter.domain;

import java.util.OptionalInt;

/**
 * The limits one reservation is checked against.
 *
 * @param agency concurrent live streams the agency may hold
 * @param camera concurrent viewers of one camera
 * @param global concurrent live streams in the whole system, when limited
 */
public record Limits(int agency, int camera, OptionalInt global) {

    public static final int DEFAULT_CAMERA_LIMIT = 100;

    /** @throws IllegalArgumentException when a limit is negative */
    public Limits {
        if (agency < 0 || camera < 0 || (global.isPresent() && global.getAsInt() < 0)) {
            throw new IllegalArgumentException("limits must not be negative");
        }
    }
}
