package ae.rta.cctv.vms.adapter.out.milestone;

import ae.rta.cctv.vms.adapter.out.onvif.OnvifClient;
import ae.rta.cctv.vms.application.port.out.PtzDriver;
import ae.rta.cctv.vms.domain.Camera;
import ae.rta.cctv.vms.domain.CameraSource;
import ae.rta.cctv.vms.domain.Preset;
import ae.rta.cctv.vms.domain.PtzCommand;
import ae.rta.cctv.vms.domain.SourceType;
import java.util.List;

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
        on(camera, (bridge, profile) -> {
            switch (command) {
                case PtzCommand.Continuous c -> bridge.continuousMove(profile, c.pan(), c.tilt(), c.zoom(), c.timeout());
                case PtzCommand.Relative r -> bridge.relativeMove(profile, r.pan(), r.tilt(), r.zoom());
                case PtzCommand.Absolute a -> bridge.absoluteMove(profile, a.pan(), a.tilt(), a.zoom());
                case PtzCommand.Stop s -> bridge.stop(profile);
                case PtzCommand.GotoPreset g -> bridge.gotoPreset(profile, g.token());
                case PtzCommand.Home h -> bridge.gotoHome(profile);
            }
            return null;
        });
    }

    @Override
    public List<Preset> presets(Camera camera) {
        return on(camera, (bridge, profile) -> bridge.presets(profile).stream()
                .map(p -> new Preset(p.token(), p.name().isBlank() ? p.token() : p.name())).toList());
    }

    @Override
    public Preset setPreset(Camera camera, String name) {
        return on(camera, (bridge, profile) -> new Preset(bridge.setPreset(profile, name), name));
    }

    @Override
    public void removePreset(Camera camera, String token) {
        on(camera, (bridge, profile) -> {
            bridge.removePreset(profile, token);
            return null;
        });
    }

    private interface Call<T> {
        T run(OnvifClient bridge, String profile);
    }

    private <T> T on(Camera camera, Call<T> call) {
        CameraSource.Milestone m = (CameraSource.Milestone) camera.source();
        OnvifClient bridge = servers.bridge(m.server());
        if (bridge == null) {
            throw new PtzFailedException("No Open Network Bridge ONVIF service is configured for XProtect server "
                    + m.server() + ".", null);
        }
        try {
            return call.run(bridge, m.cameraGuid());
        } catch (OnvifClient.OnvifException e) {
            throw new PtzFailedException("The camera did not carry out the PTZ command: " + e.getMessage(), e);
        }
    }
}
