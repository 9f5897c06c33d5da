package ae.rta.cctv.streamcounter.domain;

import java.util.OptionalInt;

/**
 * The limits that are not per agency.
 *
 * @param cameraLimit concurrent viewers of any one camera
 * @param globalLimit concurrent live streams in the whole system, when limited
 */
public record QuotaSettings(int cameraLimit, OptionalInt globalLimit) {

    public static final int MAX_LIMIT = 1_000_000;

    /** @throws IllegalArgumentException when a limit is negative or absurdly large */
    public QuotaSettings {
        requireLimit(cameraLimit, "cameraLimit");
        if (globalLimit == null) {
            globalLimit = OptionalInt.empty();
        }
        globalLimit.ifPresent(g -> requireLimit(g, "globalLimit"));
    }

    /** @throws IllegalArgumentException unless 0 to {@value #MAX_LIMIT} */
    public static int requireLimit(int limit, String name) {
        if (limit < 0 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException(name + " must be 0 to " + MAX_LIMIT);
        }
        return limit;
    }
}
