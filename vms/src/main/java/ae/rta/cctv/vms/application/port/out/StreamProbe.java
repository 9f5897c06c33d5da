package ae.rta.cctv.vms.application.port.out;

import ae.rta.cctv.common.security.Secrets;
import ae.rta.cctv.vms.domain.StreamDescription;
import ae.rta.cctv.vms.domain.StreamEndpoint;

/** Asks a stream whether it is there, without pulling video. */
public interface StreamProbe {

    /**
     * What a probe found.
     *
     * @param reason why it failed (the camera's status reason, read by every viewer: credentials masked), null when it
     *     answered with a video description
     * @param description what the camera said of its stream (codec, size, audio), {@link StreamDescription#NONE} when
     *     it said nothing
     */
    record Result(boolean reachable, String reason, StreamDescription description) {
        public static Result ok(StreamDescription description) {
            return new Result(true, null, description);
        }

        public Result {
            reason = Secrets.mask(reason);
        }

        public static Result failed(String reason) {
            return new Result(false, reason, StreamDescription.NONE);
        }
    }

    /** Never throws: every failure is a result with a reason. */
    Result probe(StreamEndpoint endpoint);

    /**
     * As {@link #probe(StreamEndpoint)}, and when {@code transport} is true also asks how the camera serves its
     * media (a SETUP over interleaved TCP, then over UDP if refused; no video is played), answered in the
     * description's {@code transport}. Costs two or three more requests: asked once per camera, not every probe.
     */
    default Result probe(StreamEndpoint endpoint, boolean transport) {
        return probe(endpoint);
    }

    /**
     * As {@link #probe(StreamEndpoint, boolean)}; when {@code tunnel} is true the camera is asked through RTSP
     * tunnelled over HTTP (an administrator set its transport to {@code http}), and the description's transport says
     * {@code http}.
     */
    default Result probe(StreamEndpoint endpoint, boolean transport, boolean tunnel) {
        return probe(endpoint, transport);
    }
}
