package ae.rta.cctv.recording.application.port.out;

import ae.rta.cctv.common.domain.CameraId;
import ae.rta.cctv.recording.domain.SpooledSegment;
import java.time.Instant;

/** The storage service, where finished segments go. */
public interface SegmentSink {

    /** What the store made of an upload. */
    enum Result {
        /** Stored, verified and indexed (now or by an earlier attempt): the spool copy may go. */
        STORED,
        /** A recorder with a newer lease owns the camera: this footage is not wanted. */
        FENCED,
        /** Refused for good (not a playable segment, overlapping footage): kept aside, never retried. */
        REJECTED
    }

    /** @throws SinkUnavailableException when storage or its object store cannot take it now (retry later) */
    Result upload(SpooledSegment segment);

    /** Records a stretch without footage. @throws SinkUnavailableException as {@link #upload} */
    void gap(CameraId camera, Instant start, Instant end, String reason);

    /** Try again later. */
    final class SinkUnavailableException extends RuntimeException {
        public SinkUnavailableException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
