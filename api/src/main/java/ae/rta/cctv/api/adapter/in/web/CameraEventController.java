package ae.rta.cctv.api.adapter.in.web;

import ae.rta.cctv.api.application.CameraEvents;
import ae.rta.cctv.api.application.port.out.CameraEventLog;
import ae.rta.cctv.api.domain.Caller;
import ae.rta.cctv.common.domain.CameraId;
import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class CameraEventController {

    private final CameraEvents events;

    CameraEventController(CameraEvents events) {
        this.events = events;
    }

    /** The answer: events oldest first, at most {@value CameraEvents#MAX_EVENTS}. */
    record EventsView(List<CameraEventLog.CameraEvent> items, int total) {
    }

    @Operation(summary = "What a camera reported over a range: motion and tampering (ONVIF PullPoint), status changes",
            description = "start and end (at most 31 days apart), kind motion|tampering|status (optional). Each item: "
                    + "id, kind, active (MOTION/TAMPERING began or ended), status (STATUS: ONLINE/OFFLINE), reason, at. "
                    + "Oldest first, at most 1,000. The playback timeline draws them.")
    @GetMapping("/api/v1/cameras/{id}/events")
    EventsView events(Caller caller, @PathVariable String id, @RequestParam(required = false) String start,
            @RequestParam(required = false) String end, @RequestParam(required = false) String kind) {
        if (start == null || end == null) {
            throw new IllegalArgumentException("start and end are required");
        }
        List<CameraEventLog.CameraEvent> found = events.of(caller, CameraId.parse(id), Params.instant("start", start),
                Params.instant("end", end), Params.text("kind", kind, 16));
        return new EventsView(found, found.size());
    }
}
