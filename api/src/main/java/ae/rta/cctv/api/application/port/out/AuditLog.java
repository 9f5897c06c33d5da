package ae.rta.cctv.api.application.port.out;

import ae.rta.cctv.api.domain.AuditAction;
import ae.rta.cctv.api.domain.AuditEvent;
import ae.rta.cctv.api.domain.AuditOutcome;
import ae.rta.cctv.api.domain.ChainedAuditEvent;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/** The append-only audit trail. */
public interface AuditLog {

    /**
     * Appends {@code event} at the end of its day's chain, computing its hash from its predecessor's. Safe for
     * concurrent callers in any number of processes.
     */
    ChainedAuditEvent append(AuditEvent event);

    /**
     * What to look for; null fields match everything.
     *
     * @param agencies when non-null, only rows whose actor agency is one of these
     */
    record Query(String actor, AuditAction action, AuditOutcome outcome, String target, Instant from, Instant to,
            Set<String> agencies) {
    }

    /** Matching rows, newest first. */
    List<ChainedAuditEvent> find(Query query, int offset, int limit);

    long count(Query query);

    /** Feeds every row of the chains from {@code fromDay} to {@code toDay} (inclusive) in chain and sequence order. */
    void forEachInChainOrder(LocalDate fromDay, LocalDate toDay, ChainSink sink);

    /** Receives rows in chain order; a row that cannot even be read back as an event is reported as unreadable. */
    interface ChainSink {
        void row(ChainedAuditEvent row);

        void unreadable(long id, LocalDate chain, long seq, String reason);
    }
}
