package ae.rta.cctv.vms.domain;

/** What a camera event is about. */
public enum CameraEventKind {
    /** The camera's health changed: ONLINE, OFFLINE or UNKNOWN, with the reason. */
    STATUS,
    /** The camera itself saw motion start or end. */
    MOTION,
    /** The camera itself saw tampering (covered, moved, blinded, out of focus, signal lost) start or end. */
    TAMPERING
}
