package ae.rta.cctv.vms.domain;

/** Whether a camera's stream answered its last health probe. */
public enum CameraStatus {
    ONLINE, OFFLINE, UNKNOWN
}
