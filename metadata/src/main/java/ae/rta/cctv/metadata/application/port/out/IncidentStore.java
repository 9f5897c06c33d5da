package ae.rta.cctv.metadata.application.port.out;

import ae.rta.cctv.common.domain.AgencyCode;
import ae.rta.cctv.common.domain.CameraId;
import ae.rta.cctv.metadata.domain.Comment;
import ae.rta.cctv.metadata.domain.Footage;
import ae.rta.cctv.metadata.domain.HistoryEntry;
import ae.rta.cctv.metadata.domain.Incident;
import ae.rta.cctv.metadata.domain.IncidentStatus;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * Incidents with their linked footage, comments and history, kept with their search documents in the same
 * transaction. Every read and change takes a scope: an agency whose incidents alone exist for the caller, or null for
 * every agency (administrators).
 */
public interface IncidentStore {

    /** An incident and the footage linked to it now (unlinked footage left out). */
    record LinkedIncident(Incident incident, List<Footage> footage) {
    }

    /** All there is to know about an incident: footage, comments and history oldest first. */
    record IncidentDetail(Incident incident, List<Footage> footage, List<Comment> comments, List<HistoryEntry> history) {
    }

    /**
     * What a change does, written by {@link #change} in the transaction that locked the incident.
     *
     * @param at when it happens: the incident's new {@code updatedAt}
     * @param incident the incident as it is to be
     * @param history what to add to its history
     * @param linked footage to link
     * @param holdsPlaced holds placed in the storage service, by the footage they keep (new or already linked)
     * @param unlinked footage to unlink; its standing holds become due for release
     * @param releaseAllHolds whether every standing hold of the incident becomes due for release (closing)
     * @param comment a comment to add, or null
     */
    record Change(Instant at, Incident incident, List<HistoryEntry> history, List<Footage> linked, Map<UUID, UUID> holdsPlaced,
            Set<UUID> unlinked, boolean releaseAllHolds, Comment comment) {

        public Change {
            history = List.copyOf(history);
            linked = List.copyOf(linked);
            holdsPlaced = Map.copyOf(holdsPlaced);
            unlinked = Set.copyOf(unlinked);
        }

    }

    /** Which incidents a list shows; null fields do not filter. @param agency the scope */
    record Filter(AgencyCode agency, IncidentStatus status, String tag, CameraId camera, String assignee) {
    }

    /** A page of a list and how many match in all. */
    record Page<T>(List<T> items, long total) {
    }

    /** A hold that is due for release, and the incident that owned it. */
    record DueRelease(UUID hold, UUID incident) {
    }

    /** Stores a new incident with its footage, the holds placed for it (by footage id) and its first history entry. */
    void create(Incident incident, List<Footage> footage, Map<UUID, UUID> holds, HistoryEntry created);

    Optional<IncidentDetail> find(UUID id, AgencyCode scope);

    /** Newest first. */
    Page<LinkedIncident> list(Filter filter, int page, int size);

    /**
     * Locks the incident, hands it to {@code change} and writes what that returns, in one transaction.
     *
     * @return the incident as changed, or empty when no incident in scope has that id ({@code change} is not called)
     * @throws RuntimeException whatever {@code change} throws; nothing is then written
     */
    Optional<LinkedIncident> change(UUID id, AgencyCode scope, Function<LinkedIncident, Change> change);

    /** Holds due for release and not yet released: of one incident, or of any when {@code incident} is null. */
    List<DueRelease> dueReleases(UUID incident, int limit);

    /** Records that the storage service released {@code hold}. */
    void released(UUID hold, Instant at);

    /** How many holds are due for release and not yet released. */
    long dueReleaseCount();
}
