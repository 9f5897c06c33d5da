package ae.rta.cctv.api.adapter.in.web;

import ae.rta.cctv.api.application.PtzCommands;
import ae.rta.cctv.api.application.RequestOrigin;
import ae.rta.cctv.api.domain.Caller;
import ae.rta.cctv.common.domain.CameraId;
import io.swagger.v3.oas.annotations.Operation;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
class PtzController {

    private final PtzCommands ptz;

    PtzController(PtzCommands ptz) {
        this.ptz = ptz;
    }

    record Move(String action, Double pan, Double tilt, Double zoom, Long timeoutMs, String preset, Boolean takeOver) {
    }

    record NewPreset(String name, Boolean takeOver) {
    }

    @Operation(summary = "Move a PTZ camera (OPERATOR, ADMIN)",
            description = "action: continuous {pan,tilt,zoom,timeoutMs}, relative {pan,tilt,zoom}, absolute {pan,tilt,zoom}, "
                    + "stop, preset {preset}, home. Pan/tilt -1..1, zoom 0..1 (position) or -1..1 (speed). 202 with the "
                    + "lock now held; 409 when the camera has no PTZ; 423 while another user holds the lock (an ADMIN may "
                    + "send takeOver: true). Every command is audited.")
    @PostMapping("/api/v1/cameras/{id}/ptz")
    ResponseEntity<Map<String, Object>> move(Caller caller, @PathVariable String id, @RequestBody Move body,
            RequestOrigin origin) {
        Map<String, Object> command = new HashMap<>();
        command.put("action", Params.text("action", body.action(), 20));
        command.put("pan", body.pan());
        command.put("tilt", body.tilt());
        command.put("zoom", body.zoom());
        command.put("timeoutMs", body.timeoutMs());
        command.put("preset", Params.text("preset", body.preset(), 64));
        command.put("takeOver", body.takeOver());
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(ptz.move(caller, CameraId.parse(id), command, origin));
    }

    @Operation(summary = "The camera's PTZ presets")
    @GetMapping("/api/v1/cameras/{id}/ptz/presets")
    Map<String, Object> presets(Caller caller, @PathVariable String id) {
        List<Map<String, Object>> items = ptz.presets(caller, CameraId.parse(id));
        return Map.of("items", items, "total", items.size());
    }

    @Operation(summary = "Store the camera's current position as a preset (needs the PTZ lock)")
    @PostMapping("/api/v1/cameras/{id}/ptz/presets")
    ResponseEntity<Map<String, Object>> setPreset(Caller caller, @PathVariable String id, @RequestBody NewPreset body,
            RequestOrigin origin) {
        Map<String, Object> preset = ptz.setPreset(caller, CameraId.parse(id), Params.text("name", body.name(), 64),
                Boolean.TRUE.equals(body.takeOver()), origin);
        return ResponseEntity.created(URI.create("/api/v1/cameras/" + id + "/ptz/presets/" + preset.get("token"))).body(preset);
    }

    @Operation(summary = "Remove a preset (needs the PTZ lock)")
    @DeleteMapping("/api/v1/cameras/{id}/ptz/presets/{token}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void removePreset(Caller caller, @PathVariable String id, @PathVariable String token, RequestOrigin origin) {
        ptz.removePreset(caller, CameraId.parse(id), Params.text("token", token, 64), origin);
    }

    @Operation(summary = "Who holds the camera's PTZ lock ({holder, expiresAt}, both null when free)")
    @GetMapping("/api/v1/cameras/{id}/ptz/lock")
    Map<String, Object> lock(Caller caller, @PathVariable String id) {
        return ptz.lock(caller, CameraId.parse(id));
    }

    @Operation(summary = "Give up your PTZ lock on the camera (an ADMIN may end another user's); 409 when you hold "
            + "none on it; audited")
    @DeleteMapping("/api/v1/cameras/{id}/ptz/lock")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void release(Caller caller, @PathVariable String id, RequestOrigin origin) {
        ptz.release(caller, CameraId.parse(id), origin);
    }
}
