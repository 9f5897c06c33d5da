package ae.rta.cctv.metadata.domain;

import ae.rta.cctv.common.domain.AgencyCode;
import ae.rta.cctv.common.domain.TimeRange;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Something that happened and is being looked into, owned by one agency.
 *
 * @param assignee the username of who works on it, or null
 * @param span when it happened (at most {@link Texts#MAX_SPAN}), or null when not said
 * @param tags stored form ({@link Tags#of(List)})
 */
public record Incident(UUID id, AgencyCode agency, String title, String description, IncidentStatus status, String assignee,
        List<String> tags, TimeRange span, String createdBy, Instant createdAt, Instant updatedAt) {

    public static final int MAX_TITLE = 200;
    public static final int MAX_DESCRIPTION = 10_000;
    public static final int MAX_ASSIGNEE = 100;

    public Incident {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(agency, "agency");
        Objects.requireNonNull(status, "status");
        title = Texts.line("title", title, MAX_TITLE);
        description = Texts.paragraphs("description", description, MAX_DESCRIPTION);
        assignee = assignee == null || assignee.isBlank() ? null : Texts.line("assignee", assignee, MAX_ASSIGNEE);
        tags = Tags.of(tags);
        if (span != null) {
            Texts.span("an incident", span);
        }
    }

    /**
     * This incident in status {@code next}.
     *
     * @throws IllegalArgumentException when the workflow does not allow it (a closed incident is reopened first)
     */
    public Incident moveTo(IncidentStatus next, Instant now) {
        if (!status.canMoveTo(next)) {
            throw new IllegalArgumentException(status == IncidentStatus.CLOSED
                    ? "A CLOSED incident can only be reopened (status OPEN), not moved to " + next + "."
                    : "An incident " + status + " cannot move to " + next + ".");
        }
        return new Incident(id, agency, title, description, next, assignee, tags, span, createdBy, createdAt, now);
    }

    public Incident withText(String newTitle, String newDescription, Instant now) {
        return new Incident(id, agency, newTitle, newDescription, status, assignee, tags, span, createdBy, createdAt, now);
    }

    public Incident withAssignee(String newAssignee, Instant now) {
        return new Incident(id, agency, title, description, status, newAssignee, tags, span, createdBy, createdAt, now);
    }

    public Incident withTags(List<String> newTags, Instant now) {
        return new Incident(id, agency, title, description, status, assignee, newTags, span, createdBy, createdAt, now);
    }

    public boolean closed() {
        return status == IncidentStatus.CLOSED;
    }
}
