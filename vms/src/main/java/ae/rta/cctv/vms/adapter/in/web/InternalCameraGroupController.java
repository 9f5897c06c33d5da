package ae.rta.cctv.vms.adapter.in.web;

import ae.rta.cctv.common.domain.CameraId;
import ae.rta.cctv.vms.application.CameraGroups;
import ae.rta.cctv.vms.domain.CameraGroup;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Camera groups for the api service. */
@RestController
class InternalCameraGroupController {

    private final CameraGroups groups;

    InternalCameraGroupController(CameraGroups groups) {
        this.groups = groups;
    }

    record NewGroup(String agency, String name, String nameAr) {
    }

    record Members(List<String> cameraIds) {
    }

    @GetMapping("/internal/camera-groups")
    Map<String, Object> list() {
        List<Map<String, Object>> items = groups.all().stream().map(InternalCameraGroupController::view).toList();
        return Map.of("items", items, "total", items.size());
    }

    @PostMapping("/internal/camera-groups")
    ResponseEntity<Map<String, Object>> create(@RequestBody NewGroup body) {
        CameraGroup group = groups.create(body.agency(), body.name(), body.nameAr());
        return ResponseEntity.created(URI.create("/internal/camera-groups/" + group.id())).body(view(group));
    }

    @PutMapping("/internal/camera-groups/{id}/cameras")
    Map<String, Object> setCameras(@PathVariable UUID id, @RequestBody Members body) {
        return view(groups.setCameras(id, body.cameraIds()));
    }

    @DeleteMapping("/internal/camera-groups/{id}")
    ResponseEntity<Void> delete(@PathVariable UUID id) {
        groups.delete(id);
        return ResponseEntity.noContent().build();
    }

    private static Map<String, Object> view(CameraGroup g) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", g.id().toString());
        m.put("agency", g.agency().value());
        m.put("name", g.name());
        m.put("nameAr", g.nameAr());
        m.put("cameraIds", g.cameras().stream().map(CameraId::toString).toList());
        return m;
    }
}
