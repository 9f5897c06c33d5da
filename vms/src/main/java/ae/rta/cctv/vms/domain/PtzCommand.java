package ae.rta.cctv.vms.domain;

import java.time.Duration;
import java.util.Objects;

/**
 * One move of a PTZ camera, in ONVIF's generic spaces (PTZ Service Specification 5.7): pan and tilt -1..1; zoom 0..1
 * as a position, -1..1 as a speed or step (a step of 1 is the full range in that direction).
 */
public sealed interface PtzCommand {

    /** Move at these speeds until stopped or for {@code timeout}. */
    record Continuous(double pan, double tilt, double zoom, Duration timeout) implements PtzCommand {
        public static final Duration MAX_TIMEOUT = Duration.ofSeconds(60);

        public Continuous {
            requireIn(pan, -1, 1, "pan");
            requireIn(tilt, -1, 1, "tilt");
            requireIn(zoom, -1, 1, "zoom");
            Objects.requireNonNull(timeout, "timeout");
            if (timeout.toMillis() < 100 || timeout.compareTo(MAX_TIMEOUT) > 0) {
                throw new IllegalArgumentException("timeoutMs must be 100 to " + MAX_TIMEOUT.toMillis());
            }
        }
    }

    /** Move by these steps from where the camera is (the generic translation space, -1..1). */
    record Relative(double pan, double tilt, double zoom) implements PtzCommand {
        public Relative {
            requireIn(pan, -1, 1, "pan");
            requireIn(tilt, -1, 1, "tilt");
            requireIn(zoom, -1, 1, "zoom");
        }
    }

    /**
     * Go to this position. Pan and tilt come together or not at all; an axis left out (null) stays where it is.
     */
    record Absolute(Double pan, Double tilt, Double zoom) implements PtzCommand {
        public Absolute {
            if ((pan == null) != (tilt == null)) {
                throw new IllegalArgumentException("absolute needs pan and tilt together");
            }
            if (pan == null && zoom == null) {
                throw new IllegalArgumentException("absolute needs pan and tilt, zoom, or all three");
            }
            if (pan != null) {
                requireIn(pan, -1, 1, "pan");
                requireIn(tilt, -1, 1, "tilt");
            }
            if (zoom != null) {
                requireIn(zoom, 0, 1, "zoom");
            }
        }
    }

    /** Stop every movement. */
    record Stop() implements PtzCommand {
    }

    /** Go to a stored preset. */
    record GotoPreset(String token) implements PtzCommand {
        public GotoPreset {
            Preset.requireToken(token);
        }
    }

    /** Go to the home position. */
    record Home() implements PtzCommand {
    }

    private static void requireIn(double value, double min, double max, String name) {
        if (Double.isNaN(value) || value < min || value > max) {
            throw new IllegalArgumentException(name + " must be " + min + " to " + max);
        }
    }
}
