package ae.rta.cctv.api.application;

import ae.rta.cctv.api.application.port.out.RateLimiter;
import ae.rta.cctv.api.domain.AuditAction;
import ae.rta.cctv.api.domain.AuditOutcome;
import ae.rta.cctv.api.domain.Caller;
import java.time.Duration;

/**
 * Leaves a trace of callers asking for what exists but lies outside their agency: the answer stays 404 (the caller
 * learns nothing), and the audit trail gets an {@code ACCESS_DENIED} row, at most {@code perCaller} rows per caller
 * per {@code window} so a scripted probe cannot flood the trail. What was not written is still counted in
 * {@link #unrecorded()}.
 */
public final class ScopeProbes {

    private final AuditTrail audit;
    private final RateLimiter limiter;
    private final RateLimiter.Limit limit;
    private final java.util.concurrent.atomic.AtomicLong unrecorded = new java.util.concurrent.atomic.AtomicLong();

    public ScopeProbes(AuditTrail audit, RateLimiter limiter, int perCaller, Duration window) {
        this.audit = audit;
        this.limiter = limiter;
        this.limit = new RateLimiter.Limit(perCaller, window);
    }

    /** Records that {@code caller} asked for {@code target} ({@code what} names its kind), which another agency owns. */
    public void outOfScope(Caller caller, String what, String target) {
        if (!limiter.tryConsume("audit:scope-probe:" + caller.subject(), limit).granted()) {
            unrecorded.incrementAndGet();
            return;
        }
        audit.record(caller, AuditAction.ACCESS_DENIED, target, AuditOutcome.DENIED,
                "asked for " + what + " of another agency (answered 404)", RequestOrigin.current());
    }

    /** Out-of-scope asks left out of the trail by the rate limit since start. */
    public long unrecorded() {
        return unrecorded.get();
    }
}
