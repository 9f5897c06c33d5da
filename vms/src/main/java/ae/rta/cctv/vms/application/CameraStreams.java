package ae.rta.cctv.vms.application;

import ae.rta.cctv.common.web.ProblemException;
import ae.rta.cctv.vms.application.port.out.CameraConnector;
import ae.rta.cctv.vms.domain.Camera;
import ae.rta.cctv.vms.domain.ReplayEndpoint;
import ae.rta.cctv.vms.domain.SourceType;
import ae.rta.cctv.vms.domain.StreamEndpoint;
import ae.rta.cctv.common.domain.StreamVariant;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpStatus;

/** Where each camera's streams are pulled from, asked of the connector of its source type. */
public final class CameraStreams {

    private final Map<SourceType, CameraConnector> connectors = new EnumMap<>(SourceType.class);

    public CameraStreams(List<CameraConnector> connectors) {
        connectors.forEach(c -> this.connectors.put(c.type(), c));
    }

    /**
     * Where the camera's recordings of a range are replayed from upstream, if its source has any.
     *
     * @throws ProblemException 502 when the upstream that keeps them refused or did not answer
     */
    public Optional<ReplayEndpoint> replay(Camera camera, Instant start, Instant end) {
        CameraConnector connector = connectors.get(camera.source().type());
        try {
            return connector == null ? Optional.empty() : connector.replay(camera, start, end);
        } catch (CameraConnector.ReplayFailedException e) {
            throw new ProblemException(HttpStatus.BAD_GATEWAY, "Bad Gateway", e.getMessage());
        }
    }

    /** @throws IllegalStateException when no connector serves the camera's source type */
    public StreamEndpoint endpoint(Camera camera, StreamVariant variant) {
        CameraConnector connector = connectors.get(camera.source().type());
        if (connector == null) {
            throw new IllegalStateException("no connector for " + camera.source().type() + " cameras");
        }
        return connector.stream(camera, variant);
    }
}
