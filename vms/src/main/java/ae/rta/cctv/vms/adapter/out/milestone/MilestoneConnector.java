package ae.rta.cctv.vms.adapter.out.milestone;

import ae.rta.cctv.vms.adapter.out.onvif.OnvifClient;
import ae.rta.cctv.vms.application.port.out.CameraConnector;
import ae.rta.cctv.vms.domain.Camera;
import ae.rta.cctv.vms.domain.CameraSource;
import ae.rta.cctv.vms.domain.Credentials;
import ae.rta.cctv.vms.domain.ReplayEndpoint;
import ae.rta.cctv.vms.domain.SourceType;
import ae.rta.cctv.vms.domain.StreamEndpoint;
import ae.rta.cctv.common.domain.StreamVariant;
import java.net.URI;
import java.time.Instant;
import java.util.Optional;

/**
 * XProtect cameras' video, all through the server's Open Network Bridge with the bridge's login. Live: RTSP
 * {@code <bridge>/live/<cameraGuid>}; the bridge offers one stream per camera, so the sub-stream is the main one.
 * Recordings: the URL the bridge's ONVIF Replay service gives ({@code GetReplayUri}), played with the range's clock
 * header and {@code Require: onvif-replay}.
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
        CameraSource.Milestone m = source(camera);
        MilestoneServer server = servers.server(m.server());
        if (server.bridgeRtsp() == null) {
            throw new IllegalStateException("no Open Network Bridge (bridge-rtsp) is configured for XProtect server " + m.server());
        }
        String base = server.bridgeRtsp().toString().replaceAll("/+$", "");
        return new StreamEndpoint(URI.create(base + "/live/" + m.cameraGuid()), login(server));
    }

    /**
     * Empty when the server has no bridge ONVIF service configured, or the bridge offers no Replay service.
     *
     * @throws ReplayFailedException when the bridge refuses or does not answer
     */
    @Override
    public Optional<ReplayEndpoint> replay(Camera camera, Instant start, Instant end) {
        CameraSource.Milestone m = source(camera);
        OnvifClient bridge = servers.bridge(m.server());
        if (bridge == null) {
            return Optional.empty();
        }
        try {
            if (!bridge.hasReplay()) {
                return Optional.empty();
            }
            URI uri = bridge.replayUri(recordingToken(m));
            if (!"rtsp".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null) {
                throw new ReplayFailedException("The Open Network Bridge of XProtect server " + m.server()
                        + " gave a replay address that is not an RTSP URL.", null);
            }
            return Optional.of(new ReplayEndpoint(new StreamEndpoint(uri, login(servers.server(m.server()))), start, end, true));
        } catch (OnvifClient.OnvifException e) {
            throw new ReplayFailedException("The Open Network Bridge of XProtect server " + m.server()
                    + " did not give the camera's replay: " + e.getMessage(), e);
        }
    }

    /*
     * The recording token is the camera's GUID (unverified). Milestone's Open Network Bridge documentation names
     * cameras by GUID everywhere (live path, FindRecordings' IncludedSources token), but describes a FindRecordings /
     * GetRecordingSearchResults search as "the proper way" to get a recording's reference. If a real bridge refuses
     * the GUID, that search belongs here, and only here.
     */
    private static String recordingToken(CameraSource.Milestone m) {
        return m.cameraGuid();
    }

    private static Credentials login(MilestoneServer server) {
        return server.bridgeUsername() == null || server.bridgePassword() == null ? null
                : new Credentials(server.bridgeUsername(), server.bridgePassword());
    }

    private static CameraSource.Milestone source(Camera camera) {
        if (!(camera.source() instanceof CameraSource.Milestone m)) {
            throw new IllegalArgumentException("not a Milestone camera: " + camera.id());
        }
        return m;
    }
}
