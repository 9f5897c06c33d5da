package ae.rta.cctv.metadata.application;

import ae.rta.cctv.common.domain.AgencyCode;
import ae.rta.cctv.common.domain.CameraId;
import ae.rta.cctv.common.domain.TimeRange;
import ae.rta.cctv.common.web.ProblemException;
import ae.rta.cctv.metadata.application.port.out.EvidenceHolds;
import ae.rta.cctv.metadata.application.port.out.IncidentStore;
import ae.rta.cctv.metadata.application.port.out.IncidentStore.Change;
import ae.rta.cctv.metadata.application.port.out.IncidentStore.IncidentDetail;
import ae.rta.cctv.metadata.application.port.out.IncidentStore.LinkedIncident;
import ae.rta.cctv.metadata.domain.Comment;
import ae.rta.cctv.metadata.domain.Footage;
import ae.rta.cctv.metadata.domain.HistoryEntry;
import ae.rta.cctv.metadata.domain.HistoryEntry.Kind;
import ae.rta.cctv.metadata.domain.Incident;
import ae.rta.cctv.metadata.domain.IncidentStatus;
import ae.rta.cctv.metadata.domain.Tags;
import ae.rta.cctv.metadata.domain.Texts;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opening, changing, commenting on and linking footage to incidents.
 *
 * <p>Linked footage with a time range is put under an evidence hold in the storage service before anything is
 * written here; when the storage service does not answer, nothing is written (503). Closing the incident or unlinking
 * the footage makes its holds due for release in the same transaction as the change, and they are released right
 * after; a release the storage service misses is retried until it succeeds ({@link #releaseDueHolds()}), so a hold
 * never outlives its incident's closing for long, and never goes before it. Reopening places new holds.
 */
public final class Incidents {

    private static final Logger log = LoggerFactory.getLogger(Incidents.class);
    public static final int MAX_CAMERAS = 50;
    public static final int MAX_ACTOR = 100;

    private final IncidentStore store;
    private final EvidenceHolds holds;
    private final Clock clock;
    private final MeterRegistry registry;

    public Incidents(IncidentStore store, EvidenceHolds holds, Clock clock, MeterRegistry registry) {
        this.store = store;
        this.holds = holds;
        this.clock = clock;
        this.registry = registry;
        Gauge.builder("cctv.metadata.holds.release.due", store, IncidentStore::dueReleaseCount)
                .description("Evidence holds of closed incidents or unlinked footage that the storage service has not released yet")
                .register(registry);
        // Counted as they happen; registered now so they read 0 (and rates work) before the first.
        for (String name : List.of("cctv.metadata.incidents.opened", "cctv.metadata.holds.placed",
                "cctv.metadata.holds.released", "cctv.metadata.holds.release.failures")) {
            registry.counter(name);
        }
        for (ae.rta.cctv.metadata.domain.IncidentStatus to : ae.rta.cctv.metadata.domain.IncidentStatus.values()) {
            registry.counter("cctv.metadata.incident.transitions", "to", to.name());
        }
    }

    /**
     * A new incident.
     *
     * @param agency whose incident it is
     * @param start when it happened, with {@code end}; both or neither. With cameras, their footage in that range is evidence
     * @param cameras cameras to link (checked by the caller to exist and belong to {@code agency})
     */
    public record OpenIncident(AgencyCode agency, String title, String description, String assignee, List<String> tags,
            Instant start, Instant end, List<CameraId> cameras) {

        /** @throws IllegalArgumentException for a missing agency, a lone start or end, or too many cameras */
        public OpenIncident {
            if (agency == null) {
                throw new IllegalArgumentException("agency is required");
            }
            if ((start == null) != (end == null)) {
                throw new IllegalArgumentException("start and end go together: give both or neither");
            }
            cameras = cameras == null ? List.of() : List.copyOf(new LinkedHashSet<>(cameras));
            if (cameras.size() > MAX_CAMERAS) {
                throw new IllegalArgumentException("at most " + MAX_CAMERAS + " cameras");
            }
        }

        TimeRange span() {
            if (start == null) {
                return null;
            }
            return Texts.span("an incident", new TimeRange(Texts.moment("start", start), Texts.moment("end", end)));
        }
    }

    /**
     * A change to an incident; null fields stay as they are.
     *
     * @param assignee a username, or "" to leave it unassigned
     */
    public record IncidentPatch(IncidentStatus status, String title, String description, String assignee, List<String> tags) {

        /** @throws IllegalArgumentException when it changes nothing */
        public IncidentPatch {
            if (status == null && title == null && description == null && assignee == null && tags == null) {
                throw new IllegalArgumentException("name at least one of status, title, description, assignee, tags");
            }
        }
    }

    /**
     * Footage to link: a camera and, optionally, the range of it that is evidence.
     *
     * @param cameraAgency the camera's agency; it must be the incident's
     */
    public record LinkFootage(CameraId camera, AgencyCode cameraAgency, Instant start, Instant end) {

        /** @throws IllegalArgumentException for a missing camera or agency, or a lone start or end */
        public LinkFootage {
            if (camera == null || cameraAgency == null) {
                throw new IllegalArgumentException("cameraId and the camera's agency are required");
            }
            if ((start == null) != (end == null)) {
                throw new IllegalArgumentException("start and end go together: give both or neither");
            }
        }

        TimeRange range() {
            return start == null ? null
                    : Texts.span("a linked time range", new TimeRange(Texts.moment("start", start), Texts.moment("end", end)));
        }
    }

    /** @throws ProblemException 503 when the storage service cannot hold the footage (nothing is written) */
    public IncidentDetail open(OpenIncident command, String actor) {
        String who = actor(actor);
        Instant now = clock.instant();
        TimeRange span = command.span();
        Incident incident = new Incident(UUID.randomUUID(), command.agency(), command.title(), command.description(),
                IncidentStatus.OPEN, command.assignee(), command.tags(), span, who, now, now);
        List<Footage> footage = command.cameras().stream()
                .map(camera -> new Footage(UUID.randomUUID(), camera, span, who, now, span != null)).toList();
        List<UUID> placed = new ArrayList<>();
        try {
            Map<UUID, UUID> holdsByFootage = placeHolds(incident.id(), footage, placed);
            store.create(incident, footage, holdsByFootage, new HistoryEntry(now, who, Kind.CREATED, null, incident.status().name()));
        } catch (RuntimeException e) {
            releaseQuietly(placed);
            throw e;
        }
        registry.counter("cctv.metadata.incidents.opened").increment();
        log.info("incident {} opened by {} ({}), {} cameras linked, {} holds", incident.id(), who, incident.agency(),
                footage.size(), placed.size());
        return detail(incident.id(), null);
    }

    /** @throws ProblemException 404 when no incident in {@code scope} has that id */
    public IncidentDetail detail(UUID id, AgencyCode scope) {
        return store.find(id, scope).orElseThrow(() -> notFound(id));
    }

    public IncidentStore.Page<LinkedIncident> list(IncidentStore.Filter filter, int page, int size) {
        return store.list(filter, page, size);
    }

    /**
     * Changes fields and moves the incident along its workflow: closing releases its holds, reopening (CLOSED to OPEN)
     * holds its footage again. Setting the status it already has changes nothing.
     *
     * @throws IllegalArgumentException for a transition the workflow does not allow, or a bad field (nothing is written)
     * @throws ProblemException 404 for no such incident in scope; 503 when reopening and storage does not answer
     */
    public IncidentDetail change(UUID id, AgencyCode scope, IncidentPatch patch, String actor) {
        String who = actor(actor);
        Instant now = clock.instant();
        List<UUID> placed = new ArrayList<>();
        AtomicReference<IncidentStatus> moved = new AtomicReference<>();
        try {
            store.change(id, scope, current -> {
                Incident before = current.incident();
                Incident after = before;
                List<HistoryEntry> history = new ArrayList<>();
                if (patch.title() != null || patch.description() != null) {
                    after = after.withText(patch.title() == null ? after.title() : patch.title(),
                            patch.description() == null ? after.description() : patch.description(), now);
                    note(history, now, who, Kind.TITLE, before.title(), after.title());
                    note(history, now, who, Kind.DESCRIPTION, before.description(), after.description());
                }
                if (patch.assignee() != null) {
                    after = after.withAssignee(patch.assignee(), now);
                    note(history, now, who, Kind.ASSIGNEE, before.assignee(), after.assignee());
                }
                if (patch.tags() != null) {
                    after = after.withTags(Tags.of(patch.tags()), now);
                    note(history, now, who, Kind.TAGS, String.join(",", before.tags()), String.join(",", after.tags()));
                }
                Map<UUID, UUID> holdsPlaced = Map.of();
                boolean release = false;
                if (patch.status() != null && patch.status() != before.status()) {
                    after = after.moveTo(patch.status(), now);
                    release = after.closed();
                    if (before.closed()) {
                        holdsPlaced = placeHolds(before.id(), current.footage(), placed);
                    }
                    note(history, now, who, Kind.STATUS, before.status().name(), after.status().name());
                    moved.set(after.status());
                }
                return new Change(now, after, history, List.of(), holdsPlaced, Set.of(), release, null);
            }).orElseThrow(() -> notFound(id));
        } catch (RuntimeException e) {
            releaseQuietly(placed);
            throw e;
        }
        if (moved.get() != null) {
            registry.counter("cctv.metadata.incident.transitions", "to", moved.get().name()).increment();
            log.info("incident {} moved to {} by {}", id, moved.get(), who);
        }
        releaseDueHolds(id);
        return detail(id, scope);
    }

    /** @throws ProblemException 404 for no such incident in scope */
    public IncidentDetail comment(UUID id, AgencyCode scope, String text, String actor) {
        String who = actor(actor);
        Instant now = clock.instant();
        Comment comment = new Comment(UUID.randomUUID(), id, who, text, now);
        store.change(id, scope, current -> new Change(now, current.incident(), List.of(new HistoryEntry(now, who, Kind.COMMENT, null,
                comment.id().toString())), List.of(), Map.of(), Set.of(), false, comment)).orElseThrow(() -> notFound(id));
        return detail(id, scope);
    }

    /**
     * Links a camera, and with a range its footage, to an open incident: the footage is held first.
     *
     * @throws IllegalArgumentException when the camera is another agency's than the incident's
     * @throws ProblemException 404 for no such incident in scope; 409 when it is closed; 503 when storage does not answer
     */
    public IncidentDetail link(UUID id, AgencyCode scope, LinkFootage command, String actor) {
        String who = actor(actor);
        Instant now = clock.instant();
        TimeRange range = command.range();
        List<UUID> placed = new ArrayList<>();
        try {
            store.change(id, scope, current -> {
                Incident incident = current.incident();
                if (!incident.agency().equals(command.cameraAgency())) {
                    throw new IllegalArgumentException("camera " + command.camera() + " belongs to " + command.cameraAgency()
                            + ", the incident to " + incident.agency() + "; link only the incident's agency's cameras");
                }
                if (incident.closed()) {
                    throw ProblemException.conflict("Incident " + id + " is CLOSED: reopen it (status OPEN) to link footage.");
                }
                Footage footage = new Footage(UUID.randomUUID(), command.camera(), range, who, now, range != null);
                Map<UUID, UUID> holdsPlaced = placeHolds(id, List.of(footage), placed);
                return new Change(now, incident, List.of(new HistoryEntry(now, who, Kind.FOOTAGE_LINKED, null, describe(footage))),
                        List.of(footage), holdsPlaced, Set.of(), false, null);
            }).orElseThrow(() -> notFound(id));
        } catch (RuntimeException e) {
            releaseQuietly(placed);
            throw e;
        }
        return detail(id, scope);
    }

    /** Unlinks footage and releases its hold. @throws ProblemException 404 for no such incident or footage */
    public IncidentDetail unlink(UUID id, AgencyCode scope, UUID footageId, String actor) {
        String who = actor(actor);
        Instant now = clock.instant();
        store.change(id, scope, current -> {
            Footage footage = current.footage().stream().filter(f -> f.id().equals(footageId)).findFirst()
                    .orElseThrow(() -> ProblemException.notFound("Incident " + id + " has no linked footage " + footageId + "."));
            return new Change(now, current.incident(), List.of(new HistoryEntry(now, who, Kind.FOOTAGE_UNLINKED, describe(footage), null)),
                    List.of(), Map.of(), Set.of(footageId), false, null);
        }).orElseThrow(() -> notFound(id));
        releaseDueHolds(id);
        return detail(id, scope);
    }

    /** Releases the holds that are due: every incident's (the periodic retry). @return how many were released */
    public int releaseDueHolds() {
        return releaseDueHolds(null);
    }

    private int releaseDueHolds(UUID incident) {
        int released = 0;
        for (IncidentStore.DueRelease due : store.dueReleases(incident, 500)) {
            try {
                holds.release(due.hold());
            } catch (EvidenceHolds.HoldsUnavailableException e) {
                registry.counter("cctv.metadata.holds.release.failures").increment();
                log.warn("evidence hold {} of incident {} not released yet, retried later: {}", due.hold(), due.incident(),
                        e.getMessage());
                break;
            }
            store.released(due.hold(), clock.instant());
            registry.counter("cctv.metadata.holds.released").increment();
            released++;
        }
        return released;
    }

    private Map<UUID, UUID> placeHolds(UUID incident, List<Footage> footage, List<UUID> placed) {
        Map<UUID, UUID> byFootage = new HashMap<>();
        for (Footage f : footage) {
            if (f.range() == null) {
                continue;
            }
            try {
                UUID hold = holds.place(f.camera(), f.range(), f.holdReference(incident));
                placed.add(hold);
                byFootage.put(f.id(), hold);
                registry.counter("cctv.metadata.holds.placed").increment();
            } catch (EvidenceHolds.HoldsUnavailableException e) {
                throw ProblemException.unavailable("The storage service did not answer, so the footage could not be put "
                        + "under an evidence hold; nothing was changed. Try again shortly.");
            }
        }
        return byFootage;
    }

    private void releaseQuietly(Collection<UUID> placed) {
        for (UUID hold : placed) {
            try {
                holds.release(hold);
            } catch (RuntimeException e) {
                log.warn("evidence hold {} placed for a change that failed is left standing: {}", hold, e.getMessage());
            }
        }
    }

    private static void note(List<HistoryEntry> history, Instant now, String actor, Kind kind, String from, String to) {
        if (!Objects.equals(from, to)) {
            history.add(new HistoryEntry(now, actor, kind, from, to));
        }
    }

    private static String describe(Footage footage) {
        return footage.camera() + (footage.range() == null ? "" : " " + footage.range());
    }

    static String actor(String actor) {
        return Texts.line("actor", actor, MAX_ACTOR);
    }

    private static ProblemException notFound(UUID id) {
        return ProblemException.notFound("No incident has id " + id + ".");
    }
}
