package ae.rta.cctv.vms.domain;

import java.time.Duration;
import java.util.Objects;

/**
 * One move of a PTZ camera, in ONVIF's generic spaces: pan and tilt -1..1; zoom 0..1 as a position, -1..1 as a
 * speed or step.
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

    /** Move by these steps from where the camera is. */
    record Relative(double pan, double tilt, double zoom) implements PtzCommand {
        public Relative {
            requireIn(pan, -2, 2, "pan");
            requireIn(tilt, -2, 2, "tilt");
            requireIn(zoom, -1, 1, "zoom");
        }
    }

    /** Go to this position. */
    record Absolute(double pan, double tilt, double zoom) implements PtzCommand {
        public Absolute {
            requireIn(pan, -1, 1, "pan");
            requireIn(tilt, -1, 1, "tilt");
            requireIn(zoom, 0, 1, "zoom");
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
