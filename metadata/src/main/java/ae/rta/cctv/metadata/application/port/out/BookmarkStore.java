package ae.rta.cctv.metadata.application.port.out;

import ae.rta.cctv.common.domain.AgencyCode;
import ae.rta.cctv.common.domain.CameraId;
import ae.rta.cctv.metadata.domain.Bookmark;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * Bookmarks, kept with their search documents in the same transaction. A scope is an agency whose bookmarks alone
 * exist for the caller, or null for every agency.
 */
public interface BookmarkStore {

    /**
     * Which bookmarks a list shows; null fields do not filter.
     *
     * @param agency the scope
     * @param from bookmarks whose moment or range reaches {@code from} or later
     * @param to bookmarks that start before {@code to}
     */
    record Filter(AgencyCode agency, CameraId camera, Instant from, Instant to, String tag) {
    }

    void create(Bookmark bookmark);

    Optional<Bookmark> find(UUID id, AgencyCode scope);

    /** By time, then creation. */
    IncidentStore.Page<Bookmark> list(Filter filter, int page, int size);

    /**
     * Locks the bookmark and stores what {@code edit} makes of it.
     *
     * @return the bookmark as edited, or empty when none in scope has that id
     */
    Optional<Bookmark> change(UUID id, AgencyCode scope, UnaryOperator<Bookmark> edit);

    /** @return false when none in scope has that id */
    boolean delete(UUID id, AgencyCode scope);

    /** Bookmarks stored, in all. */
    long count();
}
