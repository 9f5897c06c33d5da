package ae.rta.cctv.vms.adapter.in.web;

import ae.rta.cctv.common.domain.CameraId;
import ae.rta.cctv.vms.application.PtzControl;
import ae.rta.cctv.vms.application.PtzControl.Operator;
import ae.rta.cctv.vms.domain.Preset;
import ae.rta.cctv.vms.domain.PtzCommand;
import ae.rta.cctv.vms.domain.PtzLock;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/** PTZ for the api service, which says who is steering in the {@code X-Cctv-Actor*} headers. */
@RestController
class InternalPtzController {

    private final PtzControl ptz;

    InternalPtzController(PtzControl ptz) {
        this.ptz = ptz;
    }

    record Move(String action, Double pan, Double tilt, Double zoom, Long timeoutMs, String preset, Boolean takeOver) {
    }

    record NewPreset(String name, Boolean takeOver) {
    }

    @PostMapping("/internal/cameras/{id}/ptz")
    ResponseEntity<Map<String, Object>> move(@PathVariable String id, @RequestBody Move body,
            @RequestHeader("X-Cctv-Actor") String actor, @RequestHeader("X-Cctv-Actor-Name") String actorName,
            @RequestHeader(name = "X-Cctv-Actor-Admin", defaultValue = "false") boolean admin) {
        PtzLock lock = ptz.move(CameraId.parse(id), command(body), new Operator(actor, actorName, admin),
                Boolean.TRUE.equals(body.takeOver()));
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(Map.of("lock", view(lock)));
    }

    @GetMapping("/internal/cameras/{id}/ptz/presets")
    Map<String, Object> presets(@PathVariable String id) {
        List<Map<String, String>> items = ptz.presets(CameraId.parse(id)).stream()
                .map(p -> Map.of("token", p.token(), "name", p.name())).toList();
        return Map.of("items", items, "total", items.size());
    }

    @PostMapping("/internal/cameras/{id}/ptz/presets")
    ResponseEntity<Map<String, String>> setPreset(@PathVariable String id, @RequestBody NewPreset body,
            @RequestHeader("X-Cctv-Actor") String actor, @RequestHeader("X-Cctv-Actor-Name") String actorName,
            @RequestHeader(name = "X-Cctv-Actor-Admin", defaultValue = "false") boolean admin) {
        Preset preset = ptz.setPreset(CameraId.parse(id), body.name(), new Operator(actor, actorName, admin),
                Boolean.TRUE.equals(body.takeOver()));
        return ResponseEntity.created(URI.create("/internal/cameras/" + id + "/ptz/presets/" + preset.token()))
                .body(Map.of("token", preset.token(), "name", preset.name()));
    }

    @DeleteMapping("/internal/cameras/{id}/ptz/presets/{token}")
    ResponseEntity<Void> removePreset(@PathVariable String id, @PathVariable String token,
            @RequestHeader("X-Cctv-Actor") String actor, @RequestHeader("X-Cctv-Actor-Name") String actorName,
            @RequestHeader(name = "X-Cctv-Actor-Admin", defaultValue = "false") boolean admin) {
        ptz.removePreset(CameraId.parse(id), token, new Operator(actor, actorName, admin), false);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/internal/cameras/{id}/ptz/lock")
    Map<String, Object> lock(@PathVariable String id) {
        return ptz.currentLock(CameraId.parse(id)).map(InternalPtzController::view)
                .orElseGet(() -> {
                    Map<String, Object> free = new LinkedHashMap<>();
                    free.put("holder", null);
                    free.put("expiresAt", null);
                    return free;
                });
    }

    @DeleteMapping("/internal/cameras/{id}/ptz/lock")
    ResponseEntity<Void> release(@PathVariable String id, @RequestHeader("X-Cctv-Actor") String actor,
            @RequestHeader("X-Cctv-Actor-Name") String actorName,
            @RequestHeader(name = "X-Cctv-Actor-Admin", defaultValue = "false") boolean admin) {
        String holder = ptz.release(CameraId.parse(id), new Operator(actor, actorName, admin));
        return ResponseEntity.noContent().header("X-Cctv-Lock-Holder", holder).build();
    }

    static PtzCommand command(Move m) {
        if (m.action() == null) {
            throw new IllegalArgumentException("action is required: continuous, relative, absolute, stop, preset or home");
        }
        return switch (m.action().toLowerCase(Locale.ROOT)) {
            case "continuous" -> new PtzCommand.Continuous(or0(m.pan()), or0(m.tilt()), or0(m.zoom()),
                    Duration.ofMillis(m.timeoutMs() == null ? 1000 : m.timeoutMs()));
            case "relative" -> new PtzCommand.Relative(or0(m.pan()), or0(m.tilt()), or0(m.zoom()));
            case "absolute" -> new PtzCommand.Absolute(m.pan(), m.tilt(), m.zoom());
            case "stop" -> new PtzCommand.Stop();
            case "preset" -> new PtzCommand.GotoPreset(m.preset());
            case "home" -> new PtzCommand.Home();
            default -> throw new IllegalArgumentException("action must be continuous, relative, absolute, stop, preset or home");
        };
    }

    private static double or0(Double value) {
        return value == null ? 0 : value;
    }

    private static Map<String, Object> view(PtzLock lock) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("holder", lock.holderName());
        m.put("expiresAt", lock.expiresAt());
        return m;
    }
}
