package ae.rta.cctv.api.domain;

/** How an audited action ended. */
public enum AuditOutcome {
    SUCCESS,
    /** Refused by policy: wrong credentials, role, quota or lock. */
    DENIED,
    /** Attempted but failed for a reason of the system's own. */
    FAILED
}
