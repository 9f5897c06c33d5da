package ae.rta.cctv.vms.adapter.out.onvif;

import ae.rta.cctv.vms.application.port.out.PtzDriver;
import ae.rta.cctv.vms.domain.Camera;
import ae.rta.cctv.vms.domain.Preset;
import ae.rta.cctv.vms.domain.PtzCommand;
import ae.rta.cctv.vms.domain.SourceType;
import java.util.List;
import java.util.function.Supplier;

/** PTZ of ONVIF cameras through the device's PTZ service, on a profile that has a PTZ configuration. */
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
            devices.head(camera).execute(command);
            return null;
        });
    }

    @Override
    public List<Preset> presets(Camera camera) {
        return run(() -> presets(devices.head(camera)));
    }

    @Override
    public Preset setPreset(Camera camera, String name) {
        return run(() -> new Preset(devices.head(camera).setPreset(name), name));
    }

    @Override
    public void removePreset(Camera camera, String token) {
        run(() -> {
            devices.head(camera).removePreset(token);
            return null;
        });
    }

    /** The head's presets as this system lists them (a preset without a name is called by its token). */
    public static List<Preset> presets(OnvifHead head) {
        return head.presets().stream().map(p -> new Preset(p.token(), p.name().isBlank() ? p.token() : p.name())).toList();
    }

    /** Runs a PTZ call, a device's refusal becoming {@link PtzFailedException} with its reason. */
    public static <T> T run(Supplier<T> call) {
        try {
            return call.get();
        } catch (OnvifClient.OnvifException e) {
            throw new PtzFailedException("The camera did not carry out the PTZ command: " + e.getMessage(), e);
        }
    }
}
