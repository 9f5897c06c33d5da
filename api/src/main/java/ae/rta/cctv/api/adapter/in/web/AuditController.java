package ae.rta.cctv.api.adapter.in.web;

import ae.rta.cctv.api.application.AuditTrail;
import ae.rta.cctv.api.application.AuditTrail.Verification;
import ae.rta.cctv.api.application.port.out.AuditLog;
import ae.rta.cctv.api.domain.AuditAction;
import ae.rta.cctv.api.domain.AuditOutcome;
import ae.rta.cctv.api.domain.Caller;
import ae.rta.cctv.api.domain.ChainedAuditEvent;
import ae.rta.cctv.common.web.ProblemException;
import io.swagger.v3.oas.annotations.Operation;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class AuditController {

    private final AuditTrail audit;

    AuditController(AuditTrail audit) {
        this.audit = audit;
    }

    record AuditRow(long id, Instant time, String actor, String agency, String action, String target, String outcome,
            String sourceIp, String requestId, String detail, LocalDate chain, long seq, String hash) {
        static AuditRow of(ChainedAuditEvent r) {
            return new AuditRow(r.id(), r.event().time(), r.event().actor(), r.event().actorAgency(),
                    r.event().action().name(), r.event().target(), r.event().outcome().name(), r.event().sourceIp(),
                    r.event().requestId(), r.event().detail(), r.chain(), r.seq(), r.hash());
        }
    }

    @Operation(summary = "The audit trail, newest first (ADMIN, AUDITOR)",
            description = "Filters: actor, action, outcome, target, from and to (ISO-8601 instants, to exclusive).")
    @GetMapping("/api/v1/audit")
    Map<String, Object> find(Caller caller, @RequestParam(required = false) String actor,
            @RequestParam(required = false) String action, @RequestParam(required = false) String outcome,
            @RequestParam(required = false) String target, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        Paging paging = new Paging(page, size);
        Instant start = Params.instant("from", from);
        Instant end = Params.instant("to", to);
        if (start != null && end != null && !end.isAfter(start)) {
            throw new IllegalArgumentException("to must be after from");
        }
        AuditLog.Query query = new AuditLog.Query(Params.text("actor", actor, 200),
                Params.oneOf(AuditAction.class, "action", action), Params.oneOf(AuditOutcome.class, "outcome", outcome),
                Params.text("target", target, 200), start, end, null);
        AuditTrail.Page found = audit.find(caller, query, page, size);
        return Paging.list(found.items().stream().map(AuditRow::of).toList(), found.total(), paging);
    }

    @Operation(summary = "Verify the hash chains of the audit trail (ADMIN, and auditors of the authority)",
            description = "Checks each day's chain from `from` to `to` (dates, UTC, inclusive; default: all) and names "
                    + "the first row that does not hold.")
    @GetMapping("/api/v1/audit/verify")
    Map<String, Object> verify(Caller caller, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to) {
        if (!audit.readsEverything(caller)) {
            throw ProblemException.forbidden("Verifying the whole chain needs an administrator or an auditor of the authority.");
        }
        LocalDate start = Params.day("from", from);
        LocalDate end = Params.day("to", to);
        if (start != null && end != null && end.isBefore(start)) {
            throw new IllegalArgumentException("to must not be before from");
        }
        Verification v = audit.verify(start, end);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("valid", v.valid());
        body.put("from", v.from());
        body.put("to", v.to());
        body.put("checkedRows", v.checkedRows());
        body.put("chains", v.chains());
        body.put("firstBroken", v.firstBreak().map(b -> Map.of("id", b.id(), "chain", b.chain(), "seq", b.seq(),
                "reason", b.reason())).orElse(null));
        return body;
    }
}
