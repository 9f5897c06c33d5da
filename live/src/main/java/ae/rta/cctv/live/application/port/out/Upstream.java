package ae.rta.cctv.live.application.port.out;

import ae.rta.cctv.live.application.port.out.CameraStreams.StreamSource;
import ae.rta.cctv.live.domain.Fragment;
import ae.rta.cctv.live.domain.InitSection;
import ae.rta.cctv.live.domain.PullKey;

/** Pulls a camera's stream once, with stream copy, and hands it on as fMP4: an init section, then fragments. */
public interface Upstream {

    /** Called on the pull's own thread, in stream order; must not block for long. */
    interface Listener {
        void init(InitSection init);

        void fragment(Fragment fragment);

        /** The session ended by itself (camera gone, stream stalled, process died); no more calls follow. */
        void ended(String reason);
    }

    /** A running pull. Closing it ends it without a call to {@link Listener#ended}. */
    interface Session extends AutoCloseable {
        @Override
        void close();
    }

    /** @param generation stamped on the session's init section */
    Session open(PullKey key, StreamSource source, int generation, Listener listener);
}
