package ae.rta.cctv.vms.domain;

/** How the system reaches a camera's video. */
public enum SourceType {
    /** A fixed RTSP URL. */
    RTSP,
    /** An ONVIF device asked for its stream URL. */
    ONVIF,
    /** A camera of an agency's Milestone XProtect system, through its Open Network Bridge. */
    MILESTONE,
    /** A demo camera of the built-in simulator. */
    SIMULATOR
}
