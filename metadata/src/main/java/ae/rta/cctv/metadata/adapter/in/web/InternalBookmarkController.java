package ae.rta.cctv.metadata.adapter.in.web;

import ae.rta.cctv.metadata.adapter.in.web.Views.BookmarkView;
import ae.rta.cctv.metadata.application.Bookmarks;
import ae.rta.cctv.metadata.application.port.out.BookmarkStore;
import ae.rta.cctv.metadata.application.port.out.IncidentStore;
import ae.rta.cctv.metadata.domain.Bookmark;
import java.net.URI;
import java.util.List;
import java.util.Map;
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

/** Bookmarks for the api service; {@code agency} is the caller's scope (absent: every agency). */
@RestController
class InternalBookmarkController {

    private static final String ACTOR = "X-Cctv-Actor";

    private final Bookmarks bookmarks;

    InternalBookmarkController(Bookmarks bookmarks) {
        this.bookmarks = bookmarks;
    }

    record NewBookmark(String agency, String cameraId, String time, String end, String note, List<String> tags) {
    }

    record Patch(String note, List<String> tags, String time, String end, Boolean moment) {
    }

    @PostMapping("/internal/bookmarks")
    ResponseEntity<BookmarkView> create(@RequestBody NewBookmark body, @RequestHeader(ACTOR) String actor) {
        Bookmark b = bookmarks.create(new Bookmarks.NewBookmark(Params.agency(body.agency()), Params.camera(body.cameraId()),
                Params.instant("time", body.time()), Params.instant("end", body.end()), body.note(), body.tags()), actor);
        return ResponseEntity.created(URI.create("/internal/bookmarks/" + b.id())).body(BookmarkView.of(b));
    }

    @GetMapping("/internal/bookmarks")
    Map<String, Object> list(@RequestParam(required = false) String agency, @RequestParam(required = false) String cameraId,
            @RequestParam(required = false) String start, @RequestParam(required = false) String end,
            @RequestParam(required = false) String tag, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "100") int size) {
        Params.paging(page, size, 500);
        IncidentStore.Page<Bookmark> found = bookmarks.list(new BookmarkStore.Filter(Params.agency(agency),
                Params.camera(cameraId), Params.instant("start", start), Params.instant("end", end), Params.text("tag", tag, 100)),
                page, size);
        return Views.list(found.items().stream().map(BookmarkView::of).toList(), found.total(), page, size);
    }

    @GetMapping("/internal/bookmarks/{id}")
    BookmarkView get(@PathVariable String id, @RequestParam(required = false) String agency) {
        return BookmarkView.of(bookmarks.get(Params.id("id", id), Params.agency(agency)));
    }

    @PatchMapping("/internal/bookmarks/{id}")
    BookmarkView change(@PathVariable String id, @RequestParam(required = false) String agency, @RequestBody Patch body,
            @RequestHeader(ACTOR) String actor) {
        return BookmarkView.of(bookmarks.change(Params.id("id", id), Params.agency(agency), new Bookmarks.BookmarkPatch(body.note(),
                body.tags(), Params.instant("time", body.time()), Params.instant("end", body.end()),
                Boolean.TRUE.equals(body.moment())), actor));
    }

    @DeleteMapping("/internal/bookmarks/{id}")
    ResponseEntity<Void> delete(@PathVariable String id, @RequestParam(required = false) String agency,
            @RequestHeader(ACTOR) String actor) {
        bookmarks.delete(Params.id("id", id), Params.agency(agency), actor);
        return ResponseEntity.noContent().build();
    }
}
