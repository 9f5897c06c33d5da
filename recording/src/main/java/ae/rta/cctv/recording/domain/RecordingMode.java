package ae.rta.cctv.recording.domain;

/** When a camera is recorded. */
public enum RecordingMode {
    /** Always. */
    CONTINUOUS,
    /** Inside weekly windows, in the camera's time zone. */
    SCHEDULED,
    /** Never. */
    OFF
}
