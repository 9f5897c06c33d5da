package ae.rta.cctv.vms.application.port.out;

import ae.rta.cctv.vms.domain.Camera;
import ae.rta.cctv.vms.domain.ReplayEndpoint;
import ae.rta.cctv.vms.domain.SourceType;
import ae.rta.cctv.vms.domain.StreamEndpoint;
import ae.rta.cctv.common.domain.StreamVariant;
import java.time.Instant;
import java.util.Optional;

/** Reaches the cameras of one kind of source (RTSP, simulator, ...). */
public interface CameraConnector {

    SourceType type();

    /**
     * Where {@code variant} of the camera's video is pulled from; the main stream when it has no sub-stream.
     *
     * @throws IllegalArgumentException when the camera is not of this connector's type
     */
    StreamEndpoint stream(Camera camera, StreamVariant variant);

    /**
     * Where the camera's recordings of [start, end) are replayed from upstream, when its source keeps recordings this
     * system can fetch; empty otherwise.
     *
     * @throws ReplayFailedException when the upstream that keeps them refused or did not answer
     */
    default Optional<ReplayEndpoint> replay(Camera camera, Instant start, Instant end) {
        return Optional.empty();
    }

    /** The upstream keeps the camera's recordings but did not say where to replay them; the message is safe to show. */
    final class ReplayFailedException extends RuntimeException {
        public ReplayFailedException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
