package ae.rta.cctv.live.application.port.out;

import java.time.Duration;

/**
 * One WebRTC gateway (a Janus instance with its streaming plugin): it pulls a camera's RTSP stream into a mountpoint
 * and serves it to browsers over WebRTC. Signalling goes through the live service; media flows from the gateway to
 * the browser directly. Mountpoint ids and secrets are chosen by the caller.
 */
public interface WebRtcGateway {

    /** How the gateway is named in logs, metrics and the status route (its API URL). */
    String name();

    /**
     * Creates a mountpoint that pulls {@code rtspUrl}; the gateway connects to the camera before answering.
     *
     * @throws GatewayException when the gateway refuses (the camera cannot be reached, say)
     * @throws UnreachableException when the gateway does not answer
     */
    void createMountpoint(long id, String rtspUrl, String secret);

    /** Removes a mountpoint; one already gone is not an error. @throws UnreachableException */
    void destroyMountpoint(long id, String secret);

    /**
     * Opens a viewer of mountpoint {@code id}: the gateway answers with its SDP offer (candidates inline).
     *
     * @param ended called once, on any thread, when the gateway ends the viewer (hang-up, session lost)
     * @throws NoSuchMountpointException when the gateway has no such mountpoint (it restarted, say)
     * @throws GatewayException when the offer does not come within {@code offerTimeout} or the gateway refuses
     * @throws UnreachableException when the gateway does not answer
     */
    Subscriber watch(long id, Duration offerTimeout, Runnable ended);

    /** Keeps the gateway's control session alive; called about once a second. */
    void tick();

    /** One browser's viewing of a mountpoint. */
    interface Subscriber {
        String offerSdp();

        /** Hands the gateway the browser's SDP answer; media starts once ICE and DTLS complete. @throws GatewayException */
        void answer(String sdp);

        /** Ends the viewing (the gateway tears the peer connection down); idempotent. */
        void hangup();
    }

    /** The gateway refused a request; {@code code} is its error code. */
    class GatewayException extends RuntimeException {
        private final int code;

        public GatewayException(int code, String message) {
            super(message);
            this.code = code;
        }

        public int code() {
            return code;
        }
    }

    final class NoSuchMountpointException extends GatewayException {
        public NoSuchMountpointException(String message) {
            super(455, message);
        }
    }

    final class UnreachableException extends RuntimeException {
        public UnreachableException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
