package ae.rta.cctv.api.domain;

/** What an audit row records. The names are part of the public API (API.md, audit). */
public enum AuditAction {
    LOGIN,
    LOGIN_FAILED,
    LOGOUT,
    /** A refresh token was used twice: its whole sign-in was revoked. */
    TOKEN_REUSE,
    /** An authenticated caller asked for something their role does not allow. */
    ACCESS_DENIED,
    STREAM_START,
    STREAM_STOP,
    PTZ,
    PLAYBACK,
    EXPORT,
    /** A file of a finished export was downloaded through its link (each download). */
    EXPORT_DOWNLOAD,
    CAMERA_CHANGE,
    /** An administrator tested a camera source before saving it (the system connected where they said). */
    CAMERA_TEST,
    RECORDING_CHANGE,
    QUOTA_CHANGE,
    USER_CHANGE,
    KEY_ROTATION,
    INCIDENT_CHANGE,
    BOOKMARK_CHANGE
}
