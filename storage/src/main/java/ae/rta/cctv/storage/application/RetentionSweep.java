package ae.rta.cctv.storage.application;

import ae.rta.cctv.common.domain.CameraId;
import ae.rta.cctv.common.web.ProblemException;
import ae.rta.cctv.storage.application.port.out.ObjectStore;
import ae.rta.cctv.storage.application.port.out.RetentionStore;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes footage past its retention (per camera, else the default), and, when the store holds more than its high
 * watermark of its capacity, the oldest footage until it is back under; footage under an evidence hold is never
 * deleted. The object goes first, then its index row, so an object-store failure leaves both and the next sweep
 * retries. Each sweep reports its progress ({@link #progress()}) and counts in metrics.
 */
public final class RetentionSweep {

    private static final Logger log = LoggerFactory.getLogger(RetentionSweep.class);
    private static final int BATCH = 500;

    private final RetentionStore retention;
    private final ObjectStore store;
    private final Clock clock;
    private final int defaultDays;
    private final long capacityBytes;
    private final double highWatermark;
    private final MeterRegistry registry;
    private final AtomicReference<Report> last = new AtomicReference<>();
    private final AtomicLong heldGauge = new AtomicLong();

    /** What a sweep did. @param running true while it is going */
    public record Report(Instant started, Instant finished, boolean running, long deleted, long bytes, long heldPastRetention,
            String reason, String error) {
    }

    public RetentionSweep(RetentionStore retention, ObjectStore store, Clock clock, int defaultDays, long capacityBytes,
            double highWatermark, MeterRegistry registry) {
        this.retention = retention;
        this.store = store;
        this.clock = clock;
        this.defaultDays = defaultDays;
        this.capacityBytes = capacityBytes;
        this.highWatermark = highWatermark;
        this.registry = registry;
        Gauge.builder("cctv.storage.retention.held", heldGauge, AtomicLong::get)
                .description("Segments past their retention kept because of an evidence hold").register(registry);
        Gauge.builder("cctv.storage.footage", this, RetentionSweep::footageBytes).baseUnit("bytes")
                .description("Bytes of footage indexed").register(registry);
        Gauge.builder("cctv.storage.capacity", this, RetentionSweep::capacityBytes).baseUnit("bytes")
                .description("What the store may hold: CCTV_STORAGE_CAPACITY, else (filesystem) the footage plus the "
                        + "disk's free space; NaN for a bucket without a configured capacity").register(registry);
        // Counted as sweeps delete; registered now so they read 0 before the first deletion.
        registry.counter("cctv.storage.retention.sweeps", "outcome", "done");
        registry.counter("cctv.storage.retention.sweeps", "outcome", "stopped");
        for (String why : List.of("retention", "capacity")) {
            registry.counter("cctv.storage.retention.deleted", "reason", why);
            registry.counter("cctv.storage.retention.deleted.bytes", "reason", why);
        }
    }

    /*
     * The sum over every segment row is a scan of the whole index; at city scale that is hundreds of millions of rows,
     * so a scrape every 15 s reads a figure at most FOOTAGE_BYTES_MAX_AGE old instead of summing each time.
     */
    private static final long FOOTAGE_BYTES_MAX_AGE_NANOS = java.util.concurrent.TimeUnit.SECONDS.toNanos(60);
    private volatile long footageBytes = -1;
    private volatile long footageBytesAt;

    private double footageBytes() {
        long now = System.nanoTime();
        if (footageBytes < 0 || now - footageBytesAt > FOOTAGE_BYTES_MAX_AGE_NANOS) {
            footageBytes = retention.totalBytes();
            footageBytesAt = now;
        }
        return footageBytes;
    }

    private double capacityBytes() {
        if (capacityBytes > 0) {
            return capacityBytes;
        }
        java.util.OptionalLong free = store.freeBytes();
        return free.isPresent() ? footageBytes() + free.getAsLong() : Double.NaN;
    }

    public Report progress() {
        return last.get();
    }

    /** One sweep, now. */
    public synchronized Report run() {
        Instant started = clock.instant();
        long deleted = 0;
        long bytes = 0;
        String error = null;
        try {
            for (List<RetentionStore.Expired> batch = retention.expired(clock.instant(), defaultDays, BATCH); !batch.isEmpty();
                    batch = retention.expired(clock.instant(), defaultDays, BATCH)) {
                for (RetentionStore.Expired e : batch) {
                    delete(e, "retention");
                    deleted++;
                    bytes += e.bytes();
                    last.set(new Report(started, null, true, deleted, bytes, 0, "retention", null));
                }
            }
            if (capacityBytes > 0) {
                long limit = (long) (capacityBytes * highWatermark);
                while (retention.totalBytes() > limit) {
                    List<RetentionStore.Expired> oldest = retention.oldestUnheld(50);
                    if (oldest.isEmpty()) {
                        log.warn("the store is above its high watermark but everything left is under an evidence hold");
                        break;
                    }
                    for (RetentionStore.Expired e : oldest) {
                        delete(e, "capacity");
                        deleted++;
                        bytes += e.bytes();
                        if (retention.totalBytes() <= limit) {
                            break;
                        }
                    }
                }
            }
        } catch (ObjectStore.ObjectStoreUnavailableException e) {
            error = e.getMessage();
            log.warn("retention sweep stopped: {}", e.getMessage());
        }
        long held = retention.heldPastRetention(clock.instant(), defaultDays);
        heldGauge.set(held);
        Report report = new Report(started, clock.instant(), false, deleted, bytes, held, "retention", error);
        last.set(report);
        registry.counter("cctv.storage.retention.sweeps", "outcome", error == null ? "done" : "stopped").increment();
        if (deleted > 0) {
            log.info("retention sweep deleted {} segments ({} bytes); {} past retention kept under holds", deleted, bytes, held);
        }
        return report;
    }

    private void delete(RetentionStore.Expired e, String why) {
        store.delete(e.objectKey());
        retention.deleteSegment(e.id());
        registry.counter("cctv.storage.retention.deleted", "reason", why).increment();
        registry.counter("cctv.storage.retention.deleted.bytes", "reason", why).increment(e.bytes());
    }

    /** Puts footage under a hold. @throws IllegalArgumentException for a bad range or reason */
    public UUID hold(CameraId camera, Instant start, Instant end, String reason, String reference) {
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException("end must be after start");
        }
        if (reason == null || reason.isBlank() || reason.length() > 200 || (reference != null && reference.length() > 200)
                || (reason + (reference == null ? "" : reference)).chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("reason must be 1 to 200 characters, reference at most 200");
        }
        return retention.addHold(new RetentionStore.Hold(UUID.randomUUID(), camera, start, end, reason, reference), clock.instant());
    }

    /** @throws ProblemException 404 when no standing hold has that id */
    public void release(UUID hold) {
        if (!retention.releaseHold(hold, clock.instant())) {
            throw ProblemException.notFound("No standing evidence hold has id " + hold + ".");
        }
    }
}
