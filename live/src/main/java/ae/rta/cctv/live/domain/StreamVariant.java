package ae.rta.cctv.live.domain;

/** Which of a camera's encodings a viewer watches: the main stream full screen, the sub stream in grid tiles. */
public enum StreamVariant {
    MAIN, SUB
}
