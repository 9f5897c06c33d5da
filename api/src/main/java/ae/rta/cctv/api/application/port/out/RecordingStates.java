package ae.rta.cctv.api.application.port.out;

import ae.rta.cctv.common.domain.CameraId;
import java.time.Instant;
import java.util.Map;

/** Whether cameras are being recorded now, from what lands in storage and what their schedules say. */
public interface RecordingStates {

    /**
     * One camera's recording now.
     *
     * @param landing whether its segments are landing in storage now
     * @param scheduled whether its schedule says record now (its own schedule, else the default mode)
     * @param mode its schedule's mode: CONTINUOUS, SCHEDULED or OFF
     * @param lastSegmentEnd the end of its newest recorded segment of the last 30 minutes, or null
     * @param lastGapReason why its newest gap of the last 30 minutes is there, or null
     * @param codec its newest segment's video codec (e.g. {@code avc1}, {@code hvc1}), or null
     * @param width pixels, 0 when unknown
     * @param height pixels, 0 when unknown
     */
    record State(boolean landing, boolean scheduled, String mode, Instant lastSegmentEnd, String lastGapReason,
            String codec, int width, int height) {
    }

    /**
     * Every camera's state; a camera absent from the map has no footage lately and follows the default mode, which
     * {@link #unknownCamera()} describes.
     *
     * @throws UnavailableException when neither storage nor recording can be asked and nothing is known yet
     */
    Map<CameraId, State> all();

    /** The state of a camera nothing is known of: no footage lately, the default mode. */
    State unknownCamera();

    /** Storage or the recording service does not answer. */
    final class UnavailableException extends RuntimeException {
        public UnavailableException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
