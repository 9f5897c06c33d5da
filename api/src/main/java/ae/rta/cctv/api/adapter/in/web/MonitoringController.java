package ae.rta.cctv.api.adapter.in.web;

import ae.rta.cctv.api.application.SystemMonitoring;
import ae.rta.cctv.api.domain.Caller;
import io.swagger.v3.oas.annotations.Operation;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
class MonitoringController {

    private final SystemMonitoring monitoring;

    MonitoringController(SystemMonitoring monitoring) {
        this.monitoring = monitoring;
    }

    @Operation(summary = "Cameras online/offline per agency, recording backlog and storage use (ADMIN, OPERATOR)",
            description = "{cameras:[{agency, online, offline, unknown}], recording:{available, camerasRecording, backlogSegments, "
                    + "backlogBytes, backlogOldestSeconds, spoolBytes}, storage:{available, bytes, heldSegments}}. Cameras are the "
                    + "caller's agency's (every agency for ADMIN); available is false when that service does not answer.")
    @GetMapping("/api/v1/monitoring")
    Map<String, Object> figures(Caller caller) {
        return monitoring.figures(caller);
    }
}
