package ae.rta.cctv.playback.application.port.out;

import ae.rta.cctv.common.domain.CameraId;
import ae.rta.cctv.playback.domain.Timeline;
import ae.rta.cctv.playback.domain.VodPlaylist.StoredSegment;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Stored footage (the storage service's index). */
public interface Footage {

    /** The share of [from, to) that stored segments cover, 0 to 1. @throws UnavailableException */
    default double coverage(CameraId camera, Instant from, Instant to) {
        return recorded(camera, from, to).coverage();
    }

    /** What is stored over [from, to): merged ranges, coverage, and the gaps the recorder reported. */
    record Recorded(List<Timeline.Span> ranges, double coverage, List<Timeline.Hole> gaps) {
    }

    /** @throws UnavailableException when storage does not answer */
    Recorded recorded(CameraId camera, Instant from, Instant to);

    /**
     * The stored segments overlapping [from, to), with their fragments and media links valid for {@code linkTtl}.
     *
     * @throws UnavailableException when storage does not answer
     */
    List<StoredSegment> playable(CameraId camera, Instant from, Instant to, Duration linkTtl);

    final class UnavailableException extends RuntimeException {
        public UnavailableException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
