package ae.rta.cctv.metadata.adapter.in.web;

import ae.rta.cctv.metadata.adapter.in.web.Views.HitView;
import ae.rta.cctv.metadata.application.CameraNameSync;
import ae.rta.cctv.metadata.application.Search;
import ae.rta.cctv.metadata.application.port.out.CameraCatalog;
import ae.rta.cctv.metadata.application.port.out.CameraNameStore;
import ae.rta.cctv.common.web.ProblemException;
import ae.rta.cctv.metadata.domain.DocumentType;
import ae.rta.cctv.metadata.domain.SearchQuery;
import ae.rta.cctv.metadata.domain.SearchResult;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Full-text search for the api service ({@code agency}: the caller's scope), and the camera-name synchronisation. */
@RestController
class InternalSearchController {

    private final Search search;
    private final CameraNameSync cameraNames;

    InternalSearchController(Search search, CameraNameSync cameraNames) {
        this.search = search;
        this.cameraNames = cameraNames;
    }

    @GetMapping("/internal/search")
    Map<String, Object> search(@RequestParam(required = false) String q, @RequestParam(required = false) String types,
            @RequestParam(required = false) String agency, @RequestParam(required = false) String cameraId,
            @RequestParam(required = false) String status, @RequestParam(required = false) String tag,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        SearchResult result = search.search(new SearchQuery(q, types(types), Params.agency(agency), Params.camera(cameraId),
                Params.status(status), Params.text("tag", tag, 100), Params.instant("from", from), Params.instant("to", to),
                page, size));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("items", result.hits().stream().map(HitView::of).toList());
        body.put("total", result.total());
        body.put("totalExact", result.totalExact());
        body.put("page", page);
        body.put("size", size);
        return body;
    }

    /** Reads the camera catalog now (it is also read every {@code cctv.metadata.camera-sync-interval}). */
    @PostMapping("/internal/camera-names/sync")
    Map<String, Object> syncCameraNames() {
        try {
            CameraNameStore.Changes changes = cameraNames.sync();
            return Map.of("added", changes.added(), "renamed", changes.renamed(), "removed", changes.removed());
        } catch (CameraCatalog.CatalogUnavailableException e) {
            throw ProblemException.unavailable("The camera catalog (vms service) did not answer; try again shortly.");
        }
    }

    static Set<DocumentType> types(String value) {
        if (value == null || value.isBlank()) {
            return EnumSet.allOf(DocumentType.class);
        }
        if (value.length() > 100) {
            throw new IllegalArgumentException("types must be a comma-separated list of incident, comment, bookmark, camera");
        }
        return Arrays.stream(value.split(",")).map(DocumentType::of).collect(Collectors.toCollection(() -> EnumSet.noneOf(DocumentType.class)));
    }
}
