package ae.rta.cctv.vms.domain;

import java.net.URI;
import java.util.Objects;

/** How the system reaches a camera's video; each kind is served by its own connector. */
public sealed interface CameraSource {

    SourceType type();

    /**
     * A camera at fixed RTSP URLs.
     *
     * @param sub the sub-stream, or null when the camera has only one
     * @param credentials its login, or null
     */
    record Rtsp(URI main, URI sub, Credentials credentials) implements CameraSource {
        public Rtsp {
            Objects.requireNonNull(main, "main");
        }

        @Override
        public SourceType type() {
            return SourceType.RTSP;
        }
    }

    /** A demo camera of the built-in simulator. */
    record Simulator() implements CameraSource {
        @Override
        public SourceType type() {
            return SourceType.SIMULATOR;
        }
    }
}
