package ae.rta.cctv.vms.adapter.out.rtsp;

import ae.rta.cctv.vms.application.port.out.CameraConnector;
import ae.rta.cctv.vms.domain.Camera;
import ae.rta.cctv.vms.domain.CameraSource;
import ae.rta.cctv.vms.domain.SourceType;
import ae.rta.cctv.vms.domain.StreamEndpoint;
import ae.rta.cctv.common.domain.StreamVariant;

/** Cameras at fixed RTSP URLs: the main URL, and the sub-stream URL when there is one. */
public final class RtspConnector implements CameraConnector {

    @Override
    public SourceType type() {
        return SourceType.RTSP;
    }

    @Override
    public StreamEndpoint stream(Camera camera, StreamVariant variant) {
        if (!(camera.source() instanceof CameraSource.Rtsp rtsp)) {
            throw new IllegalArgumentException("not an RTSP camera: " + camera.id());
        }
        return new StreamEndpoint(variant == StreamVariant.SUB && rtsp.sub() != null ? rtsp.sub() : rtsp.main(),
                rtsp.credentials());
    }
}
