package ae.rta.cctv.api.application;

import ae.rta.cctv.api.application.port.out.AuditLog;
import ae.rta.cctv.api.domain.AuditAction;
import ae.rta.cctv.api.domain.AuditChain;
import ae.rta.cctv.api.domain.AuditEvent;
import ae.rta.cctv.api.domain.AuditOutcome;
import ae.rta.cctv.api.domain.Caller;
import ae.rta.cctv.api.domain.ChainedAuditEvent;
import ae.rta.cctv.api.domain.Role;
import ae.rta.cctv.common.domain.AgencyCode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Writes, reads and verifies the audit trail. Writing is synchronous: an action whose row cannot be written fails. */
public final class AuditTrail {

    private final AuditLog log;
    private final Clock clock;
    private final AgencyCode authorityAgency;

    /** @param authorityAgency the agency whose auditors read every agency's rows (the authority itself) */
    public AuditTrail(AuditLog log, Clock clock, AgencyCode authorityAgency) {
        this.log = log;
        this.clock = clock;
        this.authorityAgency = authorityAgency;
    }

    /** Records what {@code caller} did. */
    public ChainedAuditEvent record(Caller caller, AuditAction action, String target, AuditOutcome outcome, String detail,
            RequestOrigin origin) {
        return record(caller.username(), caller.agency().value(), action, target, outcome, detail, origin);
    }

    /** Records what someone who is not (yet) a caller did, such as a failed sign-in. */
    public ChainedAuditEvent record(String actor, String actorAgency, AuditAction action, String target,
            AuditOutcome outcome, String detail, RequestOrigin origin) {
        return log.append(new AuditEvent(clock.instant(), actor, actorAgency, action, target, outcome, origin.sourceIp(),
                origin.requestId(), detail));
    }

    /** A page of rows newest first, limited to what {@code reader} may read. */
    public Page find(Caller reader, AuditLog.Query query, int page, int size) {
        AuditLog.Query scoped = new AuditLog.Query(query.actor(), query.action(), query.outcome(), query.target(),
                query.from(), query.to(), readableAgencies(reader));
        return new Page(log.find(scoped, page * size, size), log.count(scoped));
    }

    /** A page of rows and how many match in all. */
    public record Page(List<ChainedAuditEvent> items, long total) {
    }

    /*
     * Visibility: administrators and the authority's own auditors read every row (including failed sign-ins by
     * unknown names, which belong to no agency); an agency's auditor reads the rows of that agency's people only.
     */
    private Set<String> readableAgencies(Caller reader) {
        if (reader.role() == Role.ADMIN || reader.agency().equals(authorityAgency)) {
            return null;
        }
        return Set.of(reader.agency().value());
    }

    /** Whether the caller may read rows of every agency, and so run a verification of whole chains. */
    public boolean readsEverything(Caller reader) {
        return readableAgencies(reader) == null;
    }

    /** The outcome of checking chains: how much was checked and the first row that does not hold. */
    public record Verification(LocalDate from, LocalDate to, long checkedRows, int chains, Optional<AuditChain.Break> firstBreak) {
        public boolean valid() {
            return firstBreak.isEmpty();
        }
    }

    /** Checks the chains of the days from {@code from} to {@code to} (UTC, inclusive); null means the whole trail. */
    public Verification verify(LocalDate from, LocalDate to) {
        LocalDate start = from == null ? LocalDate.of(2000, 1, 1) : from;
        LocalDate end = to == null ? LocalDate.now(clock.withZone(ZoneOffset.UTC)) : to;
        AuditChain.Verifier verifier = new AuditChain.Verifier();
        log.forEachInChainOrder(start, end, new AuditLog.ChainSink() {
            @Override
            public void row(ChainedAuditEvent row) {
                verifier.accept(row);
            }

            @Override
            public void unreadable(long id, LocalDate chain, long seq, String reason) {
                verifier.acceptUnreadable(id, chain, seq, reason);
            }
        });
        return new Verification(start, end, verifier.checked(), verifier.chains(), verifier.firstBreak());
    }
}
