package ae.rta.cctv.api.application;

import ae.rta.cctv.api.application.port.out.StreamCounter;
import ae.rta.cctv.api.application.port.out.StreamCounter.Quota;
import ae.rta.cctv.api.application.port.out.StreamCounter.Quotas;
import ae.rta.cctv.api.domain.AuditAction;
import ae.rta.cctv.api.domain.AuditOutcome;
import ae.rta.cctv.api.domain.Caller;
import ae.rta.cctv.api.domain.Role;
import ae.rta.cctv.common.domain.AgencyCode;
import ae.rta.cctv.common.web.ProblemException;
import java.util.List;

/** Reading and changing live-stream quotas; every change is audited as {@code QUOTA_CHANGE}. */
public final class QuotaAdministration {

    public static final int MAX_LIMIT = 1_000_000;

    private final StreamCounter counter;
    private final VisibleCameras cameras;
    private final AuditTrail audit;

    public QuotaAdministration(StreamCounter counter, VisibleCameras cameras, AuditTrail audit) {
        this.counter = counter;
        this.cameras = cameras;
        this.audit = audit;
    }

    /** Every camera agency's quota for an administrator; the caller's own agency's for everyone else. */
    public Quotas quotas(Caller caller) {
        List<AgencyCode> agencies = caller.role() == Role.ADMIN ? cameras.agencies() : List.of(caller.agency());
        Quotas all = call(() -> counter.quotas(agencies));
        List<Quota> visible = all.items().stream().filter(q -> caller.sees(q.agency())).toList();
        return new Quotas(visible, all.cameraLimit(), all.globalLimit(), all.ttlSeconds());
    }

    /** The longest look back the history offers (the stream-counter keeps 48 hours of samples). */
    public static final java.time.Duration MAX_HISTORY = java.time.Duration.ofHours(48);

    /**
     * Live counts and limits over the last {@code span}, one sample a minute: every agency's for an administrator,
     * the caller's own agency's for everyone else.
     *
     * @throws IllegalArgumentException for a span that is not 1 minute to {@link #MAX_HISTORY}
     */
    public List<StreamCounter.AgencyHistory> history(Caller caller, java.time.Duration span, java.time.Instant now) {
        if (span.compareTo(java.time.Duration.ofMinutes(1)) < 0 || span.compareTo(MAX_HISTORY) > 0) {
            throw new IllegalArgumentException("hours must be 1 to " + MAX_HISTORY.toHours());
        }
        List<AgencyCode> agencies = caller.role() == Role.ADMIN ? null : List.of(caller.agency());
        return call(() -> counter.history(now.minus(span), now, agencies)).stream()
                .filter(h -> caller.sees(h.agency())).toList();
    }

    /** @throws ProblemException 400 for a limit out of range or an unknown agency */
    public Quota setAgencyLimit(Caller admin, AgencyCode agency, int limit, RequestOrigin origin) {
        requireLimit(limit, "limit");
        if (!cameras.agencies().contains(agency)) {
            throw ProblemException.badRequest("agency " + agency + " does not exist; known agencies are " + cameras.agencies() + ".");
        }
        int before = call(() -> counter.quotas(List.of(agency))).items().stream().filter(q -> q.agency().equals(agency))
                .findFirst().map(Quota::limit).orElse(-1);
        Quota after = call(() -> counter.setAgencyLimit(agency, limit, admin.username()));
        audit.record(admin, AuditAction.QUOTA_CHANGE, agency.value(), AuditOutcome.SUCCESS,
                "limit " + before + " -> " + limit + " (" + after.active() + " active)", origin);
        return after;
    }

    /** @param globalLimit null for none */
    public void setSettings(Caller admin, int cameraLimit, Integer globalLimit, RequestOrigin origin) {
        requireLimit(cameraLimit, "cameraLimit");
        if (globalLimit != null) {
            requireLimit(globalLimit, "globalLimit");
        }
        call(() -> {
            counter.setSettings(cameraLimit, globalLimit, admin.username());
            return null;
        });
        audit.record(admin, AuditAction.QUOTA_CHANGE, "settings", AuditOutcome.SUCCESS,
                "camera limit " + cameraLimit + ", global limit " + (globalLimit == null ? "none" : globalLimit), origin);
    }

    private static void requireLimit(int limit, String name) {
        if (limit < 0 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException(name + " must be 0 to " + MAX_LIMIT);
        }
    }

    private static <T> T call(java.util.function.Supplier<T> call) {
        try {
            return call.get();
        } catch (StreamCounter.UnavailableException e) {
            throw ProblemException.unavailable("The stream-counter service does not answer; try again shortly.");
        }
    }
}
