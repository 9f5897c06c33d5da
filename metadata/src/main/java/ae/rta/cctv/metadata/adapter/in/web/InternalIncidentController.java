package ae.rta.cctv.metadata.adapter.in.web;

import ae.rta.cctv.metadata.adapter.in.web.Views.IncidentView;
import ae.rta.cctv.metadata.application.Incidents;
import ae.rta.cctv.metadata.application.port.out.IncidentStore;
import ae.rta.cctv.metadata.domain.Tags;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Incidents for the api service, which checks who may do what and which cameras exist: {@code agency} is the caller's
 * scope (absent: every agency, for administrators) and {@code X-Cctv-Actor} the username the history records.
 */
@RestController
class InternalIncidentController {

    private static final String ACTOR = "X-Cctv-Actor";

    private final Incidents incidents;

    InternalIncidentController(Incidents incidents) {
        this.incidents = incidents;
    }

    record NewIncident(String agency, String title, String description, String assignee, List<String> tags, String start,
            String end, List<String> cameraIds) {
    }

    record Patch(String status, String title, String description, String assignee, List<String> tags) {
    }

    record NewComment(String text) {
    }

    record NewFootage(String cameraId, String cameraAgency, String start, String end) {
    }

    @PostMapping("/internal/incidents")
    ResponseEntity<IncidentView> open(@RequestBody NewIncident body, @RequestHeader(ACTOR) String actor) {
        IncidentView view = IncidentView.of(incidents.open(new Incidents.OpenIncident(Params.agency(body.agency()), body.title(),
                body.description(), body.assignee(), body.tags(), Params.instant("start", body.start()),
                Params.instant("end", body.end()), Params.cameras(body.cameraIds())), actor));
        return ResponseEntity.created(URI.create("/internal/incidents/" + view.id())).body(view);
    }

    @GetMapping("/internal/incidents")
    Map<String, Object> list(@RequestParam(required = false) String agency, @RequestParam(required = false) String status,
            @RequestParam(required = false) String tag, @RequestParam(required = false) String cameraId,
            @RequestParam(required = false) String assignee, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        Params.paging(page, size, 500);
        String wantedTag = Params.text("tag", tag, 100);
        IncidentStore.Page<IncidentStore.LinkedIncident> found = incidents.list(new IncidentStore.Filter(Params.agency(agency),
                Params.status(status), wantedTag == null ? null : Tags.one(wantedTag),
                Params.camera(cameraId), Params.text("assignee", assignee, 100)), page, size);
        return Views.list(found.items().stream().map(IncidentView::of).toList(), found.total(), page, size);
    }

    @GetMapping("/internal/incidents/{id}")
    IncidentView get(@PathVariable String id, @RequestParam(required = false) String agency) {
        return IncidentView.of(incidents.detail(Params.id("id", id), Params.agency(agency)));
    }

    @PatchMapping("/internal/incidents/{id}")
    IncidentView change(@PathVariable String id, @RequestParam(required = false) String agency, @RequestBody Patch body,
            @RequestHeader(ACTOR) String actor) {
        UUID incident = Params.id("id", id);
        return IncidentView.of(incidents.change(incident, Params.agency(agency), new Incidents.IncidentPatch(
                Params.status(body.status()), body.title(), body.description(), body.assignee(), body.tags()), actor));
    }

    @PostMapping("/internal/incidents/{id}/comments")
    ResponseEntity<IncidentView> comment(@PathVariable String id, @RequestParam(required = false) String agency,
            @RequestBody NewComment body, @RequestHeader(ACTOR) String actor) {
        IncidentView view = IncidentView.of(incidents.comment(Params.id("id", id), Params.agency(agency), body.text(), actor));
        return ResponseEntity.created(URI.create("/internal/incidents/" + view.id())).body(view);
    }

    @PostMapping("/internal/incidents/{id}/footage")
    ResponseEntity<IncidentView> link(@PathVariable String id, @RequestParam(required = false) String agency,
            @RequestBody NewFootage body, @RequestHeader(ACTOR) String actor) {
        IncidentView view = IncidentView.of(incidents.link(Params.id("id", id), Params.agency(agency), new Incidents.LinkFootage(
                Params.camera(body.cameraId()), Params.agency(body.cameraAgency()), Params.instant("start", body.start()),
                Params.instant("end", body.end())), actor));
        return ResponseEntity.created(URI.create("/internal/incidents/" + view.id())).body(view);
    }

    @DeleteMapping("/internal/incidents/{id}/footage/{footage}")
    IncidentView unlink(@PathVariable String id, @PathVariable String footage, @RequestParam(required = false) String agency,
            @RequestHeader(ACTOR) String actor) {
        return IncidentView.of(incidents.unlink(Params.id("id", id), Params.agency(agency), Params.id("footage", footage), actor));
    }

    /** Releases now the holds whose release is due (also done every minute by itself). */
    @PostMapping("/internal/holds/release-due")
    Map<String, Object> releaseDue() {
        return Map.of("released", incidents.releaseDueHolds());
    }
}
