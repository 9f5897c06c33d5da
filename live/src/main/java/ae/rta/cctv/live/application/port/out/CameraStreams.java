package ae.rta.cctv.live.application.port.out;

import ae.rta.cctv.common.domain.CameraId;
import ae.rta.cctv.live.domain.StreamVariant;

/** Where a camera's stream is pulled from (the vms service knows, credentials included). */
public interface CameraStreams {

    /** @param transport {@code auto} (TCP, then UDP when the camera refuses TCP), {@code tcp} or {@code udp} */
    record StreamSource(String url, String transport) {
        @Override
        public String toString() {
            return "StreamSource[credentials hidden, transport=" + transport + "]";
        }
    }

    /**
     * @throws CameraGoneException when the camera does not exist (any more)
     * @throws UnavailableException when the answer cannot be had now
     */
    StreamSource locate(CameraId camera, StreamVariant variant);

    final class CameraGoneException extends RuntimeException {
        public CameraGoneException(String message) {
            super(message);
        }
    }

    final class UnavailableException extends RuntimeException {
        public UnavailableException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
