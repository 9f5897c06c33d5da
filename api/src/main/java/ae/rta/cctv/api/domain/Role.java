package ae.rta.cctv.api.domain;

/** What a user may do (ARCHITECTURE.md, security model). */
public enum Role {
    /** Everything, across all agencies. */
    ADMIN,
    /** Live, PTZ, playback, export and incidents within the user's agency. */
    OPERATOR,
    /** Live and playback within the user's agency. */
    VIEWER,
    /** The audit log. */
    AUDITOR
}
