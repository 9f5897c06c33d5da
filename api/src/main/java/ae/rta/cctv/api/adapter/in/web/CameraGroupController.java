package ae.rta.cctv.api.adapter.in.web;

import ae.rta.cctv.api.application.AuditTrail;
import ae.rta.cctv.api.application.RequestOrigin;
import ae.rta.cctv.api.application.VisibleCameras;
import ae.rta.cctv.api.application.port.out.CameraDirectory;
import ae.rta.cctv.api.domain.AuditAction;
import ae.rta.cctv.api.domain.AuditOutcome;
import ae.rta.cctv.api.domain.Caller;
import ae.rta.cctv.common.domain.AgencyCode;
import ae.rta.cctv.common.domain.CameraId;
import ae.rta.cctv.common.web.ProblemException;
import io.swagger.v3.oas.annotations.Operation;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Agencies and camera groups: read by everyone who watches, changed by ADMIN (audited as CAMERA_CHANGE). */
@RestController
class CameraGroupController {

    private final VisibleCameras cameras;
    private final CameraDirectory directory;
    private final AuditTrail audit;

    CameraGroupController(VisibleCameras cameras, CameraDirectory directory, AuditTrail audit) {
        this.cameras = cameras;
        this.directory = directory;
        this.audit = audit;
    }

    record NewAgency(String code, String name, String nameAr) {
    }

    record NewGroup(String agency, String name, String nameAr) {
    }

    record Members(List<String> cameraIds) {
    }

    @Operation(summary = "Agencies the caller may see (every agency for ADMIN)")
    @GetMapping("/api/v1/agencies")
    Map<String, Object> agencies(Caller caller) {
        List<String> codes = cameras.agencies().stream().filter(caller::sees).map(AgencyCode::value).toList();
        return Map.of("items", codes, "total", codes.size());
    }

    @Operation(summary = "Add an agency (ADMIN; audited)")
    @PostMapping("/api/v1/agencies")
    ResponseEntity<Map<String, Object>> addAgency(Caller caller, @RequestBody NewAgency body, RequestOrigin origin) {
        Map<String, Object> added = call(() -> directory.write("POST", "/internal/agencies", body));
        audit.record(caller, AuditAction.CAMERA_CHANGE, String.valueOf(added.get("code")), AuditOutcome.SUCCESS,
                "added agency", origin);
        return ResponseEntity.created(URI.create("/api/v1/agencies/" + added.get("code"))).body(added);
    }

    @Operation(summary = "Camera groups the caller may see, with their camera ids")
    @GetMapping("/api/v1/camera-groups")
    Map<String, Object> groups(Caller caller) {
        List<Map<String, Object>> items = cameras.groups(caller).stream().map(CameraGroupController::view).toList();
        return Map.of("items", items, "total", items.size());
    }

    @Operation(summary = "Create a camera group in an agency (ADMIN; audited); 409 when the agency has one of that name")
    @PostMapping("/api/v1/camera-groups")
    ResponseEntity<Map<String, Object>> create(Caller caller, @RequestBody NewGroup body, RequestOrigin origin) {
        Map<String, Object> created = call(() -> directory.write("POST", "/internal/camera-groups", body));
        audit.record(caller, AuditAction.CAMERA_CHANGE, String.valueOf(created.get("id")), AuditOutcome.SUCCESS,
                "created group '" + created.get("name") + "' in " + created.get("agency"), origin);
        return ResponseEntity.created(URI.create("/api/v1/camera-groups/" + created.get("id"))).body(created);
    }

    @Operation(summary = "Set a group's cameras (ADMIN; audited); every camera must be of the group's agency")
    @PutMapping("/api/v1/camera-groups/{id}/cameras")
    Map<String, Object> setCameras(Caller caller, @PathVariable UUID id, @RequestBody Members body, RequestOrigin origin) {
        cameras.group(caller, id.toString());
        Map<String, Object> group = call(() -> directory.write("PUT", "/internal/camera-groups/" + id + "/cameras", body));
        audit.record(caller, AuditAction.CAMERA_CHANGE, id.toString(), AuditOutcome.SUCCESS,
                "group members set: " + (body.cameraIds() == null ? 0 : body.cameraIds().size()) + " cameras", origin);
        return group;
    }

    @Operation(summary = "Remove a camera group (ADMIN; audited); its cameras stay")
    @DeleteMapping("/api/v1/camera-groups/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(Caller caller, @PathVariable UUID id, RequestOrigin origin) {
        cameras.group(caller, id.toString());
        call(() -> directory.write("DELETE", "/internal/camera-groups/" + id, null));
        audit.record(caller, AuditAction.CAMERA_CHANGE, id.toString(), AuditOutcome.SUCCESS, "removed group", origin);
    }

    private static Map<String, Object> view(CameraDirectory.CameraGroupSummary g) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", g.id());
        m.put("agency", g.agency().value());
        m.put("name", g.name());
        m.put("nameAr", g.nameAr());
        m.put("cameraIds", g.cameras().stream().map(CameraId::toString).toList());
        return m;
    }

    private static Map<String, Object> call(java.util.function.Supplier<Map<String, Object>> write) {
        try {
            return write.get();
        } catch (CameraDirectory.DirectoryUnavailableException e) {
            throw ProblemException.unavailable("The camera directory (vms service) does not answer; try again shortly.");
        }
    }
}
