package ae.rta.cctv.live.application.port.out;

import ae.rta.cctv.common.domain.CameraId;
import ae.rta.cctv.common.domain.StreamVariant;

/** Where a camera's stream is pulled from (the vms service knows, credentials included). */
public interface CameraStreams {

    /**
     * @param transport {@code auto} (TCP, then UDP when the camera refuses TCP), {@code tcp} or {@code udp}
     * @param audio whether the camera's sound is kept (off unless an administrator turned it on)
     * @param audioCodec the camera's audio codec as its probes found it ({@code AAC}, ...), or null
     */
    record StreamSource(String url, String transport, boolean audio, String audioCodec) {
        public StreamSource(String url, String transport) {
            this(url, transport, false, null);
        }

        @Override
        public String toString() {
            return "StreamSource[credentials hidden, transport=" + transport + ", audio=" + audio + "]";
        }
    }

    /**
     * @throws CameraGoneException when the camera does not exist (any more)
     * @throws UnavailableException when the answer cannot be had now
     */
    StreamSource locate(CameraId camera, StreamVariant variant);

    /**
     * The cameras whose sound is kept now (an administrator turned it on); live pulls follow a change within seconds.
     *
     * @throws UnavailableException when the answer cannot be had now
     */
    java.util.Set<CameraId> audioKept();

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
