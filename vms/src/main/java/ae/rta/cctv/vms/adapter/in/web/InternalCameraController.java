package ae.rta.cctv.vms.adapter.in.web;

import ae.rta.cctv.vms.application.port.out.CameraRepository;
import ae.rta.cctv.common.domain.AgencyCode;
import ae.rta.cctv.vms.domain.Camera;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Cameras for other services of the system; the public routes live in the api service. */
@RestController
class InternalCameraController {

    private final CameraRepository cameras;

    InternalCameraController(CameraRepository cameras) {
        this.cameras = cameras;
    }

    @GetMapping("/internal/cameras")
    Map<String, Object> list() {
        List<Map<String, Object>> items = cameras.findAll().stream().map(InternalCameraController::view).toList();
        return Map.of("items", items, "total", items.size());
    }

    @GetMapping("/internal/agencies")
    Map<String, Object> agencies() {
        List<String> codes = cameras.findAgencyCodes().stream().map(AgencyCode::value).toList();
        return Map.of("items", codes, "total", codes.size());
    }

    private static Map<String, Object> view(Camera c) {
        return Map.of("id", c.id().toString(), "name", c.name(), "nameAr", c.nameAr() == null ? "" : c.nameAr(),
                "agency", c.agency().value(), "status", c.status().name(), "ptz", c.ptz(),
                "source", Map.of("type", c.source().name().toLowerCase(java.util.Locale.ROOT)));
    }
}
