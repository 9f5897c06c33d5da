package ae.rta.cctv.vms.adapter.out.onvif;

import ae.rta.cctv.vms.application.port.out.CameraConnector;
import ae.rta.cctv.vms.domain.Camera;
import ae.rta.cctv.vms.domain.CameraSource;
import ae.rta.cctv.vms.domain.SourceType;
import ae.rta.cctv.vms.domain.StreamEndpoint;
import ae.rta.cctv.common.domain.StreamVariant;
import java.net.URI;

/**
 * ONVIF cameras: the stream URLs come from the device ({@code GetProfiles}, {@code GetStreamUri}); the widest
 * profile is the main stream, the narrowest the sub-stream. The device's login is used for RTSP too.
 */
public final class OnvifConnector implements CameraConnector {

    private final OnvifDevices devices;

    public OnvifConnector(OnvifDevices devices) {
        this.devices = devices;
    }

    @Override
    public SourceType type() {
        return SourceType.ONVIF;
    }

    /** @throws OnvifClient.OnvifException when the device cannot be asked */
    @Override
    public StreamEndpoint stream(Camera camera, StreamVariant variant) {
        OnvifDevices.Media media = devices.media(camera);
        URI uri = variant == StreamVariant.SUB ? media.subUri() : media.mainUri();
        return new StreamEndpoint(uri, ((CameraSource.Onvif) camera.source()).credentials());
    }
}
