package ae.rta.cctv.vms.adapter.out.simulator;

import ae.rta.cctv.vms.application.port.out.CameraConnector;
import ae.rta.cctv.vms.domain.Camera;
import ae.rta.cctv.vms.domain.CameraSource;
import ae.rta.cctv.vms.domain.ReplayEndpoint;
import ae.rta.cctv.vms.domain.SourceType;
import ae.rta.cctv.vms.domain.StreamEndpoint;
import ae.rta.cctv.common.domain.StreamVariant;
import java.net.URI;
import java.time.Instant;
import java.util.Optional;

/**
 * The demo cameras: RTSP streams of the local {@link SimulatorServer}, reached like any other RTSP camera. They also
 * stand for an upstream VMS that keeps recordings: a replay of any past range is their main stream played with the
 * range's clock header (the simulator plays its picture loop, in real time, for whatever time is asked).
 */
public final class SimulatorConnector implements CameraConnector {

    private final SimulatorServer server;

    public SimulatorConnector(SimulatorServer server) {
        this.server = server;
    }

    @Override
    public SourceType type() {
        return SourceType.SIMULATOR;
    }

    @Override
    public StreamEndpoint stream(Camera camera, StreamVariant variant) {
        if (!(camera.source() instanceof CameraSource.Simulator)) {
            throw new IllegalArgumentException("not a simulator camera: " + camera.id());
        }
        return new StreamEndpoint(URI.create("rtsp://127.0.0.1:" + server.port() + SimulatorServer.path(camera, variant)),
                null);
    }

    @Override
    public Optional<ReplayEndpoint> replay(Camera camera, Instant start, Instant end) {
        return Optional.of(new ReplayEndpoint(stream(camera, StreamVariant.MAIN), start, end, false));
    }
}
