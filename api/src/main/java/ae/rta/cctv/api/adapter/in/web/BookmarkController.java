package ae.rta.cctv.api.adapter.in.web;

import ae.rta.cctv.api.application.BookmarkControl;
import ae.rta.cctv.api.application.RequestOrigin;
import ae.rta.cctv.api.domain.Caller;
import io.swagger.v3.oas.annotations.Operation;
import java.net.URI;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
class BookmarkController {

    private final BookmarkControl bookmarks;

    BookmarkController(BookmarkControl bookmarks) {
        this.bookmarks = bookmarks;
    }

    @Operation(summary = "Bookmark a moment or a range of a camera's timeline (OPERATOR, ADMIN; audited BOOKMARK_CHANGE)",
            description = "{cameraId, time, end? (a range: an annotation), note?, tags?}. 404 for a camera the caller cannot "
                    + "see; 400 for end not after time.")
    @PostMapping("/api/v1/bookmarks")
    ResponseEntity<Map<String, Object>> create(Caller caller, @RequestBody BookmarkControl.NewBookmark body, RequestOrigin origin) {
        Map<String, Object> bookmark = bookmarks.create(caller, body, origin);
        return ResponseEntity.created(URI.create("/api/v1/bookmarks/" + bookmark.get("id"))).body(bookmark);
    }

    @Operation(summary = "Bookmarks on the timelines of the caller's cameras, by time",
            description = "cameraId? (404 if not visible), start?/end? (bookmarks reaching into [start, end)), tag?")
    @GetMapping("/api/v1/bookmarks")
    Map<String, Object> list(Caller caller, @RequestParam(required = false) String cameraId,
            @RequestParam(required = false) String start, @RequestParam(required = false) String end,
            @RequestParam(required = false) String tag, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "100") int size) {
        Paging paging = new Paging(page, size);
        return bookmarks.list(caller, Params.text("cameraId", cameraId, 36), Params.text("start", start, 40),
                Params.text("end", end, 40), Params.text("tag", tag, 100), paging.page(), paging.size());
    }

    @Operation(summary = "One bookmark; 404 if unknown or another agency's")
    @GetMapping("/api/v1/bookmarks/{id}")
    Map<String, Object> get(Caller caller, @PathVariable String id) {
        return bookmarks.get(caller, Params.id("id", id));
    }

    @Operation(summary = "Change a bookmark (OPERATOR, ADMIN; audited)",
            description = "{note?, tags?, time?, end?, moment? (true: no end)}")
    @PatchMapping("/api/v1/bookmarks/{id}")
    Map<String, Object> change(Caller caller, @PathVariable String id, @RequestBody BookmarkControl.BookmarkPatch body,
            RequestOrigin origin) {
        return bookmarks.change(caller, Params.id("id", id), body, origin);
    }

    @Operation(summary = "Delete a bookmark (OPERATOR, ADMIN; audited)")
    @DeleteMapping("/api/v1/bookmarks/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(Caller caller, @PathVariable String id, RequestOrigin origin) {
        bookmarks.delete(caller, Params.id("id", id), origin);
    }
}
