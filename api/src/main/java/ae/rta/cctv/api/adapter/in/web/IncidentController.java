package ae.rta.cctv.api.adapter.in.web;

import ae.rta.cctv.api.application.IncidentControl;
import ae.rta.cctv.api.application.RequestOrigin;
import ae.rta.cctv.api.domain.Caller;
import io.swagger.v3.oas.annotations.Operation;
import java.net.URI;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class IncidentController {

    private final IncidentControl incidents;

    IncidentController(IncidentControl incidents) {
        this.incidents = incidents;
    }

    record Comment(String text) {
    }

    record FootageLink(String cameraId, String start, String end) {
    }

    @Operation(summary = "Open an incident (OPERATOR, ADMIN; audited INCIDENT_CHANGE)",
            description = "{title, description?, cameraIds?, start?, end?, tags?, assignee?, agency? (ADMIN)}. With cameras and "
                    + "start/end, that footage of each camera is linked and put under an evidence hold (never deleted by "
                    + "retention while the incident is not CLOSED). 404 for a camera the caller cannot see; 400 for end not "
                    + "after start, a range over 31 days, cameras of several agencies.")
    @PostMapping("/api/v1/incidents")
    ResponseEntity<Map<String, Object>> open(Caller caller, @RequestBody IncidentControl.NewIncident body, RequestOrigin origin) {
        Map<String, Object> incident = incidents.open(caller, body, origin);
        return ResponseEntity.created(URI.create("/api/v1/incidents/" + incident.get("id"))).body(incident);
    }

    @Operation(summary = "Incidents of the caller's agency, newest first (OPERATOR, ADMIN)")
    @GetMapping("/api/v1/incidents")
    Map<String, Object> list(Caller caller, @RequestParam(required = false) String status,
            @RequestParam(required = false) String tag, @RequestParam(required = false) String cameraId,
            @RequestParam(required = false) String assignee, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        Paging paging = new Paging(page, size);
        return incidents.list(caller, Params.text("status", status, 20), Params.text("tag", tag, 100),
                Params.text("cameraId", cameraId, 36), Params.text("assignee", assignee, 100), paging.page(), paging.size());
    }

    @Operation(summary = "One incident with its linked footage, comments and history; 404 if unknown or another agency's")
    @GetMapping("/api/v1/incidents/{id}")
    Map<String, Object> get(Caller caller, @PathVariable String id) {
        return incidents.get(caller, Params.id("id", id));
    }

    @Operation(summary = "Change an incident (OPERATOR, ADMIN; audited)",
            description = "{status?: OPEN|INVESTIGATING|CLOSED, title?, description?, assignee? (\"\" unassigns), tags?}. "
                    + "OPEN -> INVESTIGATING -> CLOSED, OPEN -> CLOSED, INVESTIGATING -> OPEN; a CLOSED incident only reopens "
                    + "(OPEN). Closing releases its evidence holds; reopening holds its footage again. 400 for any other move.")
    @PatchMapping("/api/v1/incidents/{id}")
    Map<String, Object> change(Caller caller, @PathVariable String id, @RequestBody IncidentControl.IncidentPatch body,
            RequestOrigin origin) {
        return incidents.change(caller, Params.id("id", id), body, origin);
    }

    @Operation(summary = "Comment on an incident (OPERATOR, ADMIN; audited)", description = "{text}; 201 with the incident")
    @PostMapping("/api/v1/incidents/{id}/comments")
    ResponseEntity<Map<String, Object>> comment(Caller caller, @PathVariable String id, @RequestBody Comment body,
            RequestOrigin origin) {
        Map<String, Object> incident = incidents.comment(caller, Params.id("id", id), body.text(), origin);
        return ResponseEntity.created(URI.create("/api/v1/incidents/" + id)).body(incident);
    }

    @Operation(summary = "Link a camera's footage to an incident (OPERATOR, ADMIN; audited)",
            description = "{cameraId, start?, end?}: with a range the footage is put under an evidence hold. 409 when the "
                    + "incident is CLOSED; 404 for a camera the caller cannot see; 201 with the incident")
    @PostMapping("/api/v1/incidents/{id}/footage")
    ResponseEntity<Map<String, Object>> link(Caller caller, @PathVariable String id, @RequestBody FootageLink body,
            RequestOrigin origin) {
        Map<String, Object> incident = incidents.link(caller, Params.id("id", id), body.cameraId(), body.start(), body.end(), origin);
        return ResponseEntity.created(URI.create("/api/v1/incidents/" + id)).body(incident);
    }

    @Operation(summary = "Unlink footage from an incident and release its hold (OPERATOR, ADMIN; audited)")
    @DeleteMapping("/api/v1/incidents/{id}/footage/{footageId}")
    Map<String, Object> unlink(Caller caller, @PathVariable String id, @PathVariable String footageId, RequestOrigin origin) {
        return incidents.unlink(caller, Params.id("id", id), Params.id("footageId", footageId), origin);
    }
}
