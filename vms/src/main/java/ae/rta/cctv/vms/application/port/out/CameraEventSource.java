package ae.rta.cctv.vms.application.port.out;

import ae.rta.cctv.vms.domain.Camera;
import ae.rta.cctv.vms.domain.DeviceEvent;
import ae.rta.cctv.vms.domain.SourceType;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Follows what the cameras of one kind of source report about their scene (motion, tampering). */
public interface CameraEventSource {

    SourceType type();

    /**
     * Subscribes to the camera's events.
     *
     * @return empty when the camera offers no events
     * @throws EventsFailedException when the camera refuses or does not answer
     */
    Optional<Subscription> subscribe(Camera camera);

    /** One camera's subscription; used by one thread at a time. */
    interface Subscription extends AutoCloseable {

        /**
         * Waits up to about {@code wait} for the camera's next events, keeping the subscription alive.
         *
         * @return the events, oldest first; empty when none came
         * @throws EventsFailedException when the subscription lapsed or the camera failed (subscribe again)
         */
        List<DeviceEvent> next(Duration wait);

        /** Ends the subscription at the camera, as far as it answers; never throws. */
        @Override
        void close();
    }

    /** The camera did not keep its events coming; the message is safe to show and log. */
    final class EventsFailedException extends RuntimeException {
        public EventsFailedException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
