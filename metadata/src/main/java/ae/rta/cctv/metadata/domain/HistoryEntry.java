package ae.rta.cctv.metadata.domain;

import java.time.Instant;

/**
 * One change to an incident, as its history shows it.
 *
 * @param from the value before, or null (as for a creation)
 * @param to the value after, or null (as for an unlinking)
 */
public record HistoryEntry(Instant time, String actor, Kind change, String from, String to) {

    /** What changed. */
    public enum Kind {
        CREATED, STATUS, TITLE, DESCRIPTION, ASSIGNEE, TAGS, COMMENT, FOOTAGE_LINKED, FOOTAGE_UNLINKED
    }
}
