package ae.rta.cctv.vms.adapter.out.simulator;

import ae.rta.cctv.common.domain.CameraId;
import ae.rta.cctv.vms.application.port.out.PtzDriver;
import ae.rta.cctv.vms.domain.Camera;
import ae.rta.cctv.vms.domain.Preset;
import ae.rta.cctv.vms.domain.PtzCommand;
import ae.rta.cctv.vms.domain.SourceType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The demo PTZ cameras' heads: each keeps a position (pan, tilt, zoom) that commands move and presets store, in
 * this process's memory. The demo picture itself does not move; the position is what a real head would report.
 */
public final class SimulatorPtz implements PtzDriver {

    private record Position(double pan, double tilt, double zoom) {
        static final Position HOME = new Position(0, 0, 0);

        Position clamped() {
            return new Position(clamp(pan, -1, 1), clamp(tilt, -1, 1), clamp(zoom, 0, 1));
        }
    }

    private static final class Head {
        Position position = Position.HOME;
        final Map<String, Preset> presets = new LinkedHashMap<>();
        final Map<String, Position> stored = new LinkedHashMap<>();
        int next = 1;
    }

    private final Map<CameraId, Head> heads = new ConcurrentHashMap<>();

    @Override
    public SourceType type() {
        return SourceType.SIMULATOR;
    }

    @Override
    public void execute(Camera camera, PtzCommand command) {
        Head head = head(camera);
        synchronized (head) {
            Position p = head.position;
            head.position = switch (command) {
                case PtzCommand.Continuous c -> {
                    double seconds = c.timeout().toMillis() / 1000.0;
                    yield new Position(p.pan() + c.pan() * seconds * 0.2, p.tilt() + c.tilt() * seconds * 0.2,
                            p.zoom() + c.zoom() * seconds * 0.2).clamped();
                }
                case PtzCommand.Relative r -> new Position(p.pan() + r.pan(), p.tilt() + r.tilt(), p.zoom() + r.zoom()).clamped();
                case PtzCommand.Absolute a -> new Position(a.pan() == null ? p.pan() : a.pan(),
                        a.tilt() == null ? p.tilt() : a.tilt(), a.zoom() == null ? p.zoom() : a.zoom());
                case PtzCommand.Stop s -> p;
                case PtzCommand.Home h -> Position.HOME;
                case PtzCommand.GotoPreset g -> {
                    Position stored = head.stored.get(g.token());
                    if (stored == null) {
                        throw new PtzFailedException("The camera has no preset " + g.token() + ".", null);
                    }
                    yield stored;
                }
            };
        }
    }

    @Override
    public List<Preset> presets(Camera camera) {
        Head head = head(camera);
        synchronized (head) {
            return new ArrayList<>(head.presets.values());
        }
    }

    @Override
    public Preset setPreset(Camera camera, String name) {
        Head head = head(camera);
        synchronized (head) {
            Preset preset = new Preset("preset-" + head.next++, name);
            head.presets.put(preset.token(), preset);
            head.stored.put(preset.token(), head.position);
            return preset;
        }
    }

    @Override
    public void removePreset(Camera camera, String token) {
        Head head = head(camera);
        synchronized (head) {
            if (head.presets.remove(token) == null) {
                throw new PtzFailedException("The camera has no preset " + token + ".", null);
            }
            head.stored.remove(token);
        }
    }

    /** The head's position as {pan, tilt, zoom}, for tests and diagnostics. */
    public double[] position(CameraId camera) {
        Position p = heads.computeIfAbsent(camera, c -> new Head()).position;
        return new double[] {p.pan(), p.tilt(), p.zoom()};
    }

    private Head head(Camera camera) {
        return heads.computeIfAbsent(camera.id(), c -> new Head());
    }

    private static double clamp(double v, double min, double max) {
        return Math.max(min, Math.min(max, v));
    }
}
