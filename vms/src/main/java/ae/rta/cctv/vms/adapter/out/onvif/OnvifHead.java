package ae.rta.cctv.vms.adapter.out.onvif;

import ae.rta.cctv.vms.domain.PtzCommand;
import java.util.List;

/**
 * One PTZ head of an ONVIF device: the media profile whose PTZ configuration steers it (PTZ Service Specification
 * 5.3: every move needs "a profile token referencing a Media Profile that includes a PTZConfiguration") and the spaces
 * its {@code GetConfigurationOptions} offers. Carries out this system's normalised commands in those spaces.
 */
public final class OnvifHead {

    private final OnvifClient client;
    private final String profile;
    private final PtzSpaces spaces;

    public OnvifHead(OnvifClient client, String profile, PtzSpaces spaces) {
        this.client = client;
        this.profile = profile;
        this.spaces = spaces;
    }

    String profile() {
        return profile;
    }

    PtzSpaces spaces() {
        return spaces;
    }

    /** @throws OnvifClient.OnvifException when the device refuses, fails, or cannot make that move at all */
    public void execute(PtzCommand command) {
        switch (command) {
            case PtzCommand.Continuous c -> client.continuousMove(profile, movable(spaces.continuous(c.pan(), c.tilt(),
                    c.zoom()), "continuous"), c.timeout());
            case PtzCommand.Relative r -> client.relativeMove(profile, movable(spaces.relative(r.pan(), r.tilt(), r.zoom()),
                    "relative"));
            case PtzCommand.Absolute a -> client.absoluteMove(profile, movable(absolute(a), "absolute"));
            case PtzCommand.Stop s -> client.stop(profile);
            case PtzCommand.GotoPreset g -> client.gotoPreset(profile, g.token());
            case PtzCommand.Home h -> client.gotoHome(profile);
        }
    }

    /*
     * An absolute move names every axis the head has: an axis the command leaves out is sent where GetStatus says it
     * is. PTZ 5.3.1 lets a client omit it ("shall not be affected"), but heads in the field zoom out to 0 when only
     * pan/tilt is given; so zoom is kept by naming it. A head that reports no position (ter:NoStatus, or no Position
     * element: PTZ 5.3.7) gets the axis omitted.
     */
    private PtzSpaces.Vector absolute(PtzCommand.Absolute a) {
        PtzSpaces.Vector wanted = spaces.absolute(a.pan(), a.tilt(), a.zoom());
        boolean panTiltKept = a.pan() == null && spaces.absolutePanTilt() != null;
        boolean zoomKept = a.zoom() == null && spaces.absoluteZoom() != null;
        if (!panTiltKept && !zoomKept) {
            return wanted;
        }
        PtzSpaces.Vector now;
        try {
            now = client.position(profile);
        } catch (OnvifClient.LoginRefusedException e) {
            throw e;
        } catch (OnvifClient.OnvifException e) {
            now = new PtzSpaces.Vector(null, null, null, null, null);
        }
        boolean nowPanTilt = now.x() != null && now.y() != null;
        return new PtzSpaces.Vector(
                panTiltKept && nowPanTilt ? now.x() : wanted.x(), panTiltKept && nowPanTilt ? now.y() : wanted.y(),
                panTiltKept && nowPanTilt ? now.panTiltSpace() : wanted.panTiltSpace(),
                zoomKept && now.zoom() != null ? now.zoom() : wanted.zoom(),
                zoomKept && now.zoom() != null ? now.zoomSpace() : wanted.zoomSpace());
    }

    private static PtzSpaces.Vector movable(PtzSpaces.Vector v, String kind) {
        if (v.empty()) {
            throw new OnvifClient.OnvifException("the camera's PTZ node offers no " + kind + " move on the asked axes", null);
        }
        return v;
    }

    public List<OnvifClient.DevicePreset> presets() {
        return client.presets(profile);
    }

    public String setPreset(String name) {
        return client.setPreset(profile, name);
    }

    public void removePreset(String token) {
        client.removePreset(profile, token);
    }
}
