package ae.rta.cctv.vms.application.port.out;

import ae.rta.cctv.vms.domain.StreamEndpoint;

/** Asks a stream whether it is there, without pulling video. */
public interface StreamProbe {

    /** What a probe found. @param reason why it failed, null when it answered with a video description */
    record Result(boolean reachable, String reason) {
        public static final Result OK = new Result(true, null);

        public static Result failed(String reason) {
            return new Result(false, reason);
        }
    }

    /** Never throws: every failure is a result with a reason. */
    Result probe(StreamEndpoint endpoint);
}
