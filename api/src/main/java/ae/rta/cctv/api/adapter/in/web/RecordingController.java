package ae.rta.cctv.api.adapter.in.web;

import ae.rta.cctv.api.application.RecordingControl;
import ae.rta.cctv.api.application.RequestOrigin;
import ae.rta.cctv.api.domain.Caller;
import ae.rta.cctv.common.domain.CameraId;
import io.swagger.v3.oas.annotations.Operation;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class RecordingController {

    private final RecordingControl recording;

    RecordingController(RecordingControl recording) {
        this.recording = recording;
    }

    record Window(List<String> days, String from, String to) {
    }

    record ScheduleChange(String mode, List<Window> windows, String timeZone, Integer retentionDays) {
    }

    @Operation(summary = "A camera's recording schedule and retention")
    @GetMapping("/api/v1/cameras/{id}/recording")
    Map<String, Object> get(Caller caller, @PathVariable String id) {
        return recording.schedule(caller, CameraId.parse(id));
    }

    @Operation(summary = "Set when a camera records and how long its footage is kept (ADMIN; audited)",
            description = "mode CONTINUOUS, SCHEDULED (weekly windows in timeZone, default Asia/Dubai) or OFF; "
                    + "windows [{days:[MON..SUN], from:'08:00', to:'18:00'}] (to before from runs past midnight); "
                    + "retentionDays 1 to 3650, or absent for the default.")
    @PutMapping("/api/v1/cameras/{id}/recording")
    Map<String, Object> put(Caller caller, @PathVariable String id, @RequestBody ScheduleChange body, RequestOrigin origin) {
        Map<String, Object> change = new HashMap<>();
        change.put("mode", body.mode());
        change.put("windows", body.windows());
        change.put("timeZone", body.timeZone());
        change.put("retentionDays", body.retentionDays());
        return recording.setSchedule(caller, CameraId.parse(id), change, origin);
    }

    @Operation(summary = "What footage a camera has: contiguous recorded ranges, coverage 0..1, and gaps with reasons")
    @GetMapping("/api/v1/cameras/{id}/recordings")
    Map<String, Object> recordings(Caller caller, @PathVariable String id, @RequestParam String start,
            @RequestParam String end) {
        return recording.recordings(caller, CameraId.parse(id), Params.instant("start", start), Params.instant("end", end));
    }
}
