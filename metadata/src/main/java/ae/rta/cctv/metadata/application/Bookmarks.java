package ae.rta.cctv.metadata.application;

import ae.rta.cctv.common.domain.AgencyCode;
import ae.rta.cctv.common.domain.CameraId;
import ae.rta.cctv.common.web.ProblemException;
import ae.rta.cctv.metadata.application.port.out.BookmarkStore;
import ae.rta.cctv.metadata.application.port.out.IncidentStore;
import ae.rta.cctv.metadata.domain.Bookmark;
import ae.rta.cctv.metadata.domain.Tags;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Bookmarks and annotations on cameras' timelines. */
public final class Bookmarks {

    private final BookmarkStore store;
    private final Clock clock;
    private final MeterRegistry registry;

    public Bookmarks(BookmarkStore store, Clock clock, MeterRegistry registry) {
        this.store = store;
        this.clock = clock;
        this.registry = registry;
        Gauge.builder("cctv.metadata.bookmarks", store, BookmarkStore::count).description("Bookmarks stored").register(registry);
        registry.counter("cctv.metadata.bookmarks.added"); // reads 0 before the first
    }

    /**
     * A new bookmark.
     *
     * @param agency the camera's agency (checked by the caller)
     * @param end null for a moment
     */
    public record NewBookmark(AgencyCode agency, CameraId camera, Instant time, Instant end, String note, List<String> tags) {
    }

    /**
     * A change to a bookmark; null fields stay as they are.
     *
     * @param end a new end, ignored when {@code moment} is true
     * @param moment true to make a range a moment again
     */
    public record BookmarkPatch(String note, List<String> tags, Instant time, Instant end, boolean moment) {
    }

    /** @throws IllegalArgumentException for a bad field (nothing is written) */
    public Bookmark create(NewBookmark command, String actor) {
        String who = Incidents.actor(actor);
        if (command.agency() == null || command.camera() == null) {
            throw new IllegalArgumentException("cameraId and the camera's agency are required");
        }
        Instant now = clock.instant();
        Bookmark bookmark = new Bookmark(UUID.randomUUID(), command.agency(), command.camera(), command.time(), command.end(),
                command.note(), command.tags(), who, now, now);
        store.create(bookmark);
        registry.counter("cctv.metadata.bookmarks.added").increment();
        return bookmark;
    }

    /** @throws ProblemException 404 when none in scope has that id */
    public Bookmark get(UUID id, AgencyCode scope) {
        return store.find(id, scope).orElseThrow(() -> notFound(id));
    }

    public IncidentStore.Page<Bookmark> list(BookmarkStore.Filter filter, int page, int size) {
        if (filter.from() != null && filter.to() != null && !filter.to().isAfter(filter.from())) {
            throw new IllegalArgumentException("end (" + filter.to() + ") must be after start (" + filter.from() + ")");
        }
        return store.list(new BookmarkStore.Filter(filter.agency(), filter.camera(), filter.from(), filter.to(),
                filter.tag() == null ? null : Tags.one(filter.tag())), page, size);
    }

    /** @throws IllegalArgumentException for a bad field; ProblemException 404 when none in scope has that id */
    public Bookmark change(UUID id, AgencyCode scope, BookmarkPatch patch, String actor) {
        Incidents.actor(actor);
        Instant now = clock.instant();
        return store.change(id, scope, b -> b.edited(patch.note() == null ? b.note() : patch.note(),
                patch.tags() == null ? b.tags() : patch.tags(), patch.time() == null ? b.time() : patch.time(),
                patch.moment() ? null : patch.end() == null ? b.end() : patch.end(), now)).orElseThrow(() -> notFound(id));
    }

    /** @throws ProblemException 404 when none in scope has that id */
    public void delete(UUID id, AgencyCode scope, String actor) {
        Incidents.actor(actor);
        if (!store.delete(id, scope)) {
            throw notFound(id);
        }
    }

    private static ProblemException notFound(UUID id) {
        return ProblemException.notFound("No bookmark has id " + id + ".");
    }
}
