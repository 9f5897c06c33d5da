package ae.rta.cctv.streamcounter.domain;

/** What a live-stream limit counts: an agency's concurrent streams, a camera's viewers, or all streams. */
public enum LimitScope {
    AGENCY, CAMERA, GLOBAL
}
