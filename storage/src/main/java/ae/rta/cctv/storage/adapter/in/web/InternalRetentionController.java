package ae.rta.cctv.storage.adapter.in.web;

import ae.rta.cctv.common.domain.CameraId;
import ae.rta.cctv.storage.application.RetentionSweep;
import ae.rta.cctv.storage.application.port.out.RetentionStore;
import java.net.URI;
import java.util.LinkedHashMap;
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

/** Retention policies, evidence holds and sweeps, for the api, metadata and playback services. */
@RestController
class InternalRetentionController {

    private final RetentionStore retention;
    private final RetentionSweep sweep;

    InternalRetentionController(RetentionStore retention, RetentionSweep sweep) {
        this.retention = retention;
        this.sweep = sweep;
    }

    record Days(Integer days) {
    }

    record NewHold(String cameraId, String start, String end, String reason, String reference) {
    }

    @GetMapping("/internal/cameras/{camera}/retention")
    Map<String, Object> get(@PathVariable String camera) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("days", retention.days(CameraId.parse(camera)).stream().boxed().findFirst().orElse(null));
        return body;
    }

    @PutMapping("/internal/cameras/{camera}/retention")
    Map<String, Object> put(@PathVariable String camera, @RequestBody Days body) {
        if (body.days() != null && (body.days() < 1 || body.days() > 3650)) {
            throw new IllegalArgumentException("days must be 1 to 3650, or null for the default");
        }
        retention.setDays(CameraId.parse(camera), body.days());
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("days", body.days());
        return answer;
    }

    @PostMapping("/internal/holds")
    ResponseEntity<Map<String, Object>> hold(@RequestBody NewHold body) {
        UUID id = sweep.hold(CameraId.parse(body.cameraId()), InternalSegmentController.instant("start", body.start()),
                InternalSegmentController.instant("end", body.end()), body.reason(), body.reference());
        return ResponseEntity.created(URI.create("/internal/holds/" + id)).body(Map.of("id", id.toString()));
    }

    @DeleteMapping("/internal/holds/{id}")
    ResponseEntity<Void> release(@PathVariable UUID id) {
        sweep.release(id);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/internal/retention/sweep")
    Map<String, Object> runSweep() {
        return view(sweep.run());
    }

    @GetMapping("/internal/retention/sweep")
    Map<String, Object> lastSweep() {
        RetentionSweep.Report report = sweep.progress();
        return report == null ? Map.of("running", false) : view(report);
    }

    private static Map<String, Object> view(RetentionSweep.Report r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("started", r.started());
        m.put("finished", r.finished());
        m.put("running", r.running());
        m.put("deleted", r.deleted());
        m.put("bytes", r.bytes());
        m.put("heldPastRetention", r.heldPastRetention());
        m.put("error", r.error());
        return m;
    }
}
