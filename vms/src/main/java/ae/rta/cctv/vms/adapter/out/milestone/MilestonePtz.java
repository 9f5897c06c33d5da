package ae.rta.cctv.vms.adapter.out.milestone;

import ae.rta.cctv.vms.adapter.out.onvif.OnvifClient;
import ae.rta.cctv.vms.adapter.out.onvif.OnvifHead;
import ae.rta.cctv.vms.adapter.out.onvif.OnvifPtz;
import ae.rta.cctv.vms.adapter.out.onvif.PtzSpaces;
import ae.rta.cctv.vms.application.port.out.PtzDriver;
import ae.rta.cctv.vms.domain.Camera;
import ae.rta.cctv.vms.domain.CameraSource;
import ae.rta.cctv.vms.domain.Preset;
import ae.rta.cctv.vms.domain.PtzCommand;
import ae.rta.cctv.vms.domain.SourceType;
import java.util.List;
import java.util.function.Function;

/**
 * PTZ of XProtect cameras through ONVIF on the server's Open Network Bridge, the camera's GUID as the media
 * profile token. (The bridge's profile naming is from Milestone's documentation and not verified against a real
 * bridge; it is confined to this class.)
 */
public final class MilestonePtz implements PtzDriver {

    private final MilestoneServers servers;

    public MilestonePtz(MilestoneServers servers) {
        this.servers = servers;
    }

    @Override
    public SourceType type() {
        return SourceType.MILESTONE;
    }

    @Override
    public void execute(Camera camera, PtzCommand command) {
        on(camera, head -> {
            head.execute(command);
            return null;
        });
    }

    @Override
    public List<Preset> presets(Camera camera) {
        return on(camera, OnvifPtz::presets);
    }

    @Override
    public Preset setPreset(Camera camera, String name) {
        return on(camera, head -> new Preset(head.setPreset(name), name));
    }

    @Override
    public void removePreset(Camera camera, String token) {
        on(camera, head -> {
            head.removePreset(token);
            return null;
        });
    }

    /* The bridge's PTZ options per camera are not read: its heads are steered in the generic spaces (PTZ 5.7). */
    private <T> T on(Camera camera, Function<OnvifHead, T> call) {
        CameraSource.Milestone m = (CameraSource.Milestone) camera.source();
        OnvifClient bridge = servers.bridge(m.server());
        if (bridge == null) {
            throw new PtzFailedException("No Open Network Bridge ONVIF service is configured for XProtect server "
                    + m.server() + ".", null);
        }
        OnvifHead head = new OnvifHead(bridge, m.cameraGuid(), PtzSpaces.GENERIC);
        return OnvifPtz.run(() -> call.apply(head));
    }
}
