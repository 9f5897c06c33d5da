package ae.rta.cctv.storage.application.port.out;

import ae.rta.cctv.common.domain.CameraId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;

/** Retention policies, evidence holds, and the segments a sweep may delete. */
public interface RetentionStore {

    OptionalInt days(CameraId camera);

    /** @param days null to fall back to the default */
    void setDays(CameraId camera, Integer days);

    /** A standing hold. */
    record Hold(UUID id, CameraId camera, Instant start, Instant end, String reason, String reference) {
    }

    UUID addHold(Hold hold, Instant now);

    /** @return whether a standing hold was released */
    boolean releaseHold(UUID id, Instant now);

    Optional<Hold> hold(UUID id);

    /** A segment that may go. */
    record Expired(long id, CameraId camera, String objectKey, long bytes) {
    }

    /**
     * Segments of cameras with footage ending before their cutoff (now minus their retention, or the default),
     * under no standing hold, oldest first, at most {@code limit}.
     */
    List<Expired> expired(Instant now, int defaultDays, int limit);

    /** How many segments past their cutoff are kept only because of a hold. */
    long heldPastRetention(Instant now, int defaultDays);

    /** The oldest segments under no hold, whatever their age (for the capacity watermark). */
    List<Expired> oldestUnheld(int limit);

    long totalBytes();

    void deleteSegment(long id);
}
