package ae.rta.cctv.vms.application.port.out;

import ae.rta.cctv.vms.domain.Camera;
import ae.rta.cctv.vms.domain.SourceType;
import ae.rta.cctv.vms.domain.StreamEndpoint;
import ae.rta.cctv.vms.domain.StreamVariant;

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
     */
    default java.util.Optional<ae.rta.cctv.vms.domain.ReplayEndpoint> replay(Camera camera, java.time.Instant start,
            java.time.Instant end) {
        return java.util.Optional.empty();
    }
}
