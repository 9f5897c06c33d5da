package ae.rta.cctv.vms.domain;

/** Which of a camera's streams: the full-resolution main stream or the light sub-stream for grids. */
public enum StreamVariant {
    MAIN, SUB
}
