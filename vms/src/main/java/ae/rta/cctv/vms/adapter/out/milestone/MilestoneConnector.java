package ae.rta.cctv.vms.adapter.out.milestone;

import ae.rta.cctv.vms.application.port.out.CameraConnector;
import ae.rta.cctv.vms.domain.Camera;
import ae.rta.cctv.vms.domain.CameraSource;
import ae.rta.cctv.vms.domain.Credentials;
import ae.rta.cctv.vms.domain.SourceType;
import ae.rta.cctv.vms.domain.StreamEndpoint;
import ae.rta.cctv.vms.domain.StreamVariant;
import java.net.URI;

/**
 * XProtect cameras' live video: RTSP from the server's Open Network Bridge, {@code <bridge>/live/<cameraGuid>},
 * with the bridge's login. The bridge offers one stream per camera, so the sub-stream is the main one.
 */
public final class MilestoneConnector implements CameraConnector {

    private final MilestoneServers servers;

    public MilestoneConnector(MilestoneServers servers) {
        this.servers = servers;
    }

    @Override
    public SourceType type() {
        return SourceType.MILESTONE;
    }

    @Override
    public StreamEndpoint stream(Camera camera, StreamVariant variant) {
        if (!(camera.source() instanceof CameraSource.Milestone m)) {
            throw new IllegalArgumentException("not a Milestone camera: " + camera.id());
        }
        MilestoneServer server = servers.server(m.server());
        if (server.bridgeRtsp() == null) {
            throw new IllegalStateException("no Open Network Bridge (bridge-rtsp) is configured for XProtect server " + m.server());
        }
        String base = server.bridgeRtsp().toString().replaceAll("/+$", "");
        Credentials login = server.bridgeUsername() == null || server.bridgePassword() == null ? null
                : new Credentials(server.bridgeUsername(), server.bridgePassword());
        return new StreamEndpoint(URI.create(base + "/live/" + m.cameraGuid()), login);
    }
}
