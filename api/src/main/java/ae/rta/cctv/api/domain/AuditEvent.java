package ae.rta.cctv.api.domain;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * One thing that happened, as the audit trail keeps it. Free-text fields are cut to a fixed length so that no
 * caller can grow the trail without bound.
 *
 * @param time when, to the microsecond (the precision PostgreSQL keeps, so the hash survives a round trip)
 * @param actor the username, or what was typed as one for a failed login
 * @param actorAgency the actor's agency; null when unknown (a failed login for no such user)
 * @param target what was acted on (a camera id, a username, an agency), or null
 * @param sourceIp the caller's address as the api service saw it, or null
 * @param requestId the request's {@code X-Request-Id}, or null
 * @param detail a short explanation, or null
 */
public record AuditEvent(Instant time, String actor, String actorAgency, AuditAction action, String target,
        AuditOutcome outcome, String sourceIp, String requestId, String detail) {

    static final int MAX_FIELD = 200;
    static final int MAX_DETAIL = 1000;

    public AuditEvent {
        time = Objects.requireNonNull(time, "time").truncatedTo(ChronoUnit.MICROS);
        actor = cut(Objects.requireNonNull(actor, "actor"), MAX_FIELD);
        actorAgency = cut(actorAgency, MAX_FIELD);
        Objects.requireNonNull(action, "action");
        target = cut(target, MAX_FIELD);
        Objects.requireNonNull(outcome, "outcome");
        sourceIp = cut(sourceIp, MAX_FIELD);
        requestId = cut(requestId, MAX_FIELD);
        detail = cut(detail, MAX_DETAIL);
    }

    private static String cut(String value, int max) {
        if (value == null) {
            return null;
        }
        String printable = value.replaceAll("\\p{Cntrl}", " ");
        return printable.length() > max ? printable.substring(0, max) : printable;
    }
}
