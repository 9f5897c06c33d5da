package ae.rta.cctv.metadata.domain;

import java.util.Set;

/** Where an incident stands: OPEN, then INVESTIGATING, then CLOSED; a closed incident is reopened to OPEN. */
public enum IncidentStatus {
    OPEN, INVESTIGATING, CLOSED;

    /** Whether an incident in this status may move to {@code next}. */
    public boolean canMoveTo(IncidentStatus next) {
        return switch (this) {
            case OPEN -> Set.of(INVESTIGATING, CLOSED).contains(next);
            case INVESTIGATING -> Set.of(OPEN, CLOSED).contains(next);
            case CLOSED -> next == OPEN;
        };
    }
}
