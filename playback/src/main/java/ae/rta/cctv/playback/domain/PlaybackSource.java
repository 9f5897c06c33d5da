package ae.rta.cctv.playback.domain;

/** Where a played-back range comes from: our own stored segments, or the camera's upstream VMS. */
public enum PlaybackSource {
    LOCAL, UPSTREAM
}
