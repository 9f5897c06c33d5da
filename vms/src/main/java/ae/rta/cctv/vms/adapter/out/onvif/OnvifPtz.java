package ae.rta.cctv.vms.adapter.out.onvif;

import ae.rta.cctv.vms.application.port.out.PtzDriver;
import ae.rta.cctv.vms.domain.Camera;
import ae.rta.cctv.vms.domain.Preset;
import ae.rta.cctv.vms.domain.PtzCommand;
import ae.rta.cctv.vms.domain.SourceType;
import java.util.List;

/** PTZ of ONVIF cameras through the device's PTZ service, on its main profile. */
public final class OnvifPtz implements PtzDriver {

    private final OnvifDevices devices;

    public OnvifPtz(OnvifDevices devices) {
        this.devices = devices;
    }

    @Override
    public SourceType type() {
        return SourceType.ONVIF;
    }

    @Override
    public void execute(Camera camera, PtzCommand command) {
        run(() -> {
            OnvifClient client = devices.client(camera);
            String profile = devices.media(camera).main().token();
            switch (command) {
                case PtzCommand.Continuous c -> client.continuousMove(profile, c.pan(), c.tilt(), c.zoom(), c.timeout());
                case PtzCommand.Relative r -> client.relativeMove(profile, r.pan(), r.tilt(), r.zoom());
                case PtzCommand.Absolute a -> client.absoluteMove(profile, a.pan(), a.tilt(), a.zoom());
                case PtzCommand.Stop s -> client.stop(profile);
                case PtzCommand.GotoPreset g -> client.gotoPreset(profile, g.token());
                case PtzCommand.Home h -> client.gotoHome(profile);
            }
            return null;
        });
    }

    @Override
    public List<Preset> presets(Camera camera) {
        return run(() -> devices.client(camera).presets(devices.media(camera).main().token()).stream()
                .map(p -> new Preset(p.token(), p.name().isBlank() ? p.token() : p.name())).toList());
    }

    @Override
    public Preset setPreset(Camera camera, String name) {
        return run(() -> new Preset(devices.client(camera).setPreset(devices.media(camera).main().token(), name), name));
    }

    @Override
    public void removePreset(Camera camera, String token) {
        run(() -> {
            devices.client(camera).removePreset(devices.media(camera).main().token(), token);
            return null;
        });
    }

    private static <T> T run(java.util.function.Supplier<T> call) {
        try {
            return call.get();
        } catch (OnvifClient.OnvifException e) {
            throw new PtzFailedException("The camera did not carry out the PTZ command: " + e.getMessage(), e);
        }
    }
}
