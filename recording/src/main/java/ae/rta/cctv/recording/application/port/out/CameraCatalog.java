package ae.rta.cctv.recording.application.port.out;

import ae.rta.cctv.common.domain.CameraId;
import java.util.List;

/** The cameras the vms service knows, and where to pull their main streams. */
public interface CameraCatalog {

    /**
     * A camera as recording needs to know it.
     *
     * @param audio whether its sound is kept (off unless an administrator turned it on)
     */
    record Listed(CameraId id, boolean audio) {
    }

    /** @throws CatalogUnavailableException when the vms service does not answer */
    List<Listed> cameras();

    /**
     * Where to pull a camera's main stream.
     *
     * @param url the stream's URL, with its login, for the proxy that FFmpeg reads through
     * @param transport how to reach its media: {@code auto} (interleaved TCP, UDP when the camera refuses it),
     *     {@code tcp} or {@code udp}, as the camera's settings or the vms service's probes say
     * @param audio whether the camera's sound is kept (off unless an administrator turned it on)
     * @param audioCodec the camera's audio codec as its probes found it ({@code AAC}, {@code G.711 A-law}), or null
     */
    record Stream(String url, String transport, boolean audio, String audioCodec) {
        public Stream(String url, String transport) {
            this(url, transport, false, null);
        }

        @Override
        public String toString() {
            return "Stream[login hidden, transport=" + transport + ", audio=" + audio + "]";
        }
    }

    /** The main stream. @throws CatalogUnavailableException as {@link #cameras} */
    Stream stream(CameraId camera);

    /** The vms service does not answer. */
    final class CatalogUnavailableException extends RuntimeException {
        public CatalogUnavailableException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
