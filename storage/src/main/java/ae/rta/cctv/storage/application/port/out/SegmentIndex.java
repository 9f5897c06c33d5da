package ae.rta.cctv.storage.application.port.out;

import ae.rta.cctv.common.domain.CameraId;
import ae.rta.cctv.common.media.Fmp4;
import ae.rta.cctv.common.security.Secrets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The index of stored segments, their fragments and the gaps between them (PostgreSQL). */
public interface SegmentIndex {

    /**
     * A segment as indexed.
     *
     * @param imported true for footage imported from a file, false for a recorder's
     * @param decode where it sits on its run's decode timeline; null for files indexed before that was kept
     */
    record IndexedSegment(long id, CameraId camera, Instant start, Instant end, long bytes, String sha256, String codec,
            int width, int height, long initSize, String store, String objectKey, String recorder, long fencingToken,
            boolean imported, ae.rta.cctv.common.domain.DecodeSpan decode) {
    }

    /** What a recorder asks to be indexed. @param fencingToken the recorder's lease token; negative for an import */
    record NewSegment(CameraId camera, Instant start, Instant end, long bytes, String sha256, Fmp4.Layout layout,
            String store, String objectKey, String recorder, long fencingToken) {

        /** Whether this is imported footage (no recorder's lease wrote it). */
        public boolean imported() {
            return fencingToken < 0;
        }
    }

    /** The outcome of indexing. */
    sealed interface Outcome {
        record Indexed(IndexedSegment segment) implements Outcome {
        }

        /** The same segment (camera, start, SHA-256) was indexed before: a retried upload. */
        record AlreadyIndexed(IndexedSegment segment) implements Outcome {
        }

        /** A recorder with a newer lease has written this camera: this one must stop. */
        record Fenced(long current) implements Outcome {
        }

        /** Footage of this camera already covers part of the range. */
        record Overlaps(IndexedSegment existing) implements Outcome {
        }
    }

    /** Indexes a segment and its fragments atomically, after checking the fencing token and overlaps. */
    Outcome index(NewSegment segment);

    /** Segments of the camera that overlap [from, to), in time order. */
    List<IndexedSegment> segments(CameraId camera, Instant from, Instant to);

    Optional<IndexedSegment> segment(long id);

    List<Fmp4.Fragment> fragments(long segmentId);

    /** The fragments of several segments at once, by segment id, each list in order. */
    java.util.Map<Long, List<Fmp4.Fragment>> fragments(java.util.Collection<Long> segmentIds);

    /**
     * A stretch without footage. Its reason is served to every viewer of the camera's timeline, so credentials in it
     * (a recorder's words, or a row an older version stored) are masked, on the way in and on the way out.
     */
    record Gap(CameraId camera, Instant start, Instant end, String reason) {
        public Gap {
            reason = Secrets.mask(reason);
        }
    }

    void addGap(Gap gap);

    /** Gaps of the camera that overlap [from, to), in time order. */
    List<Gap> gaps(CameraId camera, Instant from, Instant to);

    /** Every camera's newest recorded (not imported) segment and newest gap that ended after {@code since}. */
    List<ae.rta.cctv.storage.domain.RecordingActivity> activity(Instant since);
}
