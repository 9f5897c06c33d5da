package ae.rta.cctv.live.application;

import ae.rta.cctv.live.domain.Fragment;

/** A connected viewer of one pull, as the pull sees it. Every method returns at once; none blocks on the network. */
public interface Viewer {

    /** The quota reservation the viewer watches under; it is closed when that reservation ends. */
    String reservation();

    /** Queues a fragment (or drops it, when the viewer waits for a keyframe). */
    void offer(Fragment fragment);

    /** Tells the viewer of the upstream's state: {@code CONNECTING}, {@code LIVE}, {@code RECONNECTING}. */
    void status(String state, String detail);

    /** Ends the viewer's connection. @param code a WebSocket close code; 4xxx are this service's own */
    void close(int code, String reason);
}
