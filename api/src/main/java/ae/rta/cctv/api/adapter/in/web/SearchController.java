package ae.rta.cctv.api.adapter.in.web;

import ae.rta.cctv.api.application.SearchControl;
import ae.rta.cctv.api.domain.Caller;
import io.swagger.v3.oas.annotations.Operation;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class SearchController {

    private final SearchControl search;

    SearchController(SearchControl search) {
        this.search = search;
    }

    @Operation(summary = "Full-text search of the caller's agency: incidents, their comments, bookmarks, camera names",
            description = "q: words in English and/or Arabic, stemmed (\"cameras\" finds \"camera\"); \"quoted phrase\", "
                    + "or, -word. types: comma-separated of incident, comment, bookmark, camera (viewers: bookmark, camera). "
                    + "Filters: from/to (items whose time reaches into [from, to); cameras have none), cameraId, status "
                    + "(incidents), tag, agency (ADMIN). Items {type, id, title, snippet, score, incidentId?, agency, "
                    + "cameraIds, status?, tags, start, end}, best first; snippet is HTML-escaped text with each match in "
                    + "<mark></mark>. Only the newest 1,000 matches are ranked: beyond them total is a lower bound and "
                    + "totalExact is false.")
    @GetMapping("/api/v1/search")
    Map<String, Object> search(Caller caller, @RequestParam(required = false) String q,
            @RequestParam(required = false) String types, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, @RequestParam(required = false) String cameraId,
            @RequestParam(required = false) String status, @RequestParam(required = false) String tag,
            @RequestParam(required = false) String agency, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size) {
        Paging paging = new Paging(page, size);
        if (q == null || q.isBlank()) {
            throw new IllegalArgumentException("q is required: the words to search for");
        }
        return search.search(caller, new SearchControl.Query(Params.text("q", q, 200), Params.text("types", types, 100),
                Params.text("agency", agency, 32), Params.text("cameraId", cameraId, 36), Params.text("status", status, 20),
                Params.text("tag", tag, 100), Params.text("from", from, 40), Params.text("to", to, 40), paging.page(),
                paging.size()));
    }
}
