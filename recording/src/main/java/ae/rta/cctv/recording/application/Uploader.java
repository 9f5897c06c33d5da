package ae.rta.cctv.recording.application;

import ae.rta.cctv.recording.application.port.out.SegmentSink;
import ae.rta.cctv.recording.domain.SpooledSegment;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drains the spool into the storage service, oldest first. A segment leaves the spool only when storage says it
 * holds it (or that it is not wanted); while storage or its object store is away, uploads pause with exponential
 * backoff (1 s to 30 s) and the backlog grows, and they resume by themselves. Runs on one thread; also drains at
 * start-up whatever an earlier process left.
 */
public final class Uploader implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Uploader.class);

    private final Spool spool;
    private final SegmentSink sink;
    private final MeterRegistry registry;
    private final Object wake = new Object();
    private final AtomicLong backlogCount = new AtomicLong();
    private final AtomicLong backlogBytes = new AtomicLong();
    private final AtomicLong oldestSeconds = new AtomicLong();
    private volatile boolean running = true;
    private final Thread thread;

    public Uploader(Spool spool, SegmentSink sink, MeterRegistry registry) {
        this.spool = spool;
        this.sink = sink;
        this.registry = registry;
        Gauge.builder("cctv.recording.upload.backlog", backlogCount, AtomicLong::get)
                .description("Segments in the spool waiting for upload").baseUnit("segments").register(registry);
        Gauge.builder("cctv.recording.upload.backlog.bytes", backlogBytes, AtomicLong::get)
                .description("Bytes in the spool waiting for upload").register(registry);
        Gauge.builder("cctv.recording.upload.backlog.oldest", oldestSeconds, AtomicLong::get)
                .description("Age of the oldest segment waiting for upload").baseUnit("seconds").register(registry);
        Gauge.builder("cctv.recording.spool.bytes", spool, Spool::bytesOnDisk)
                .description("Bytes on disk in the spool, sealed or being written").register(registry);
        Gauge.builder("cctv.recording.spool.disk.size", spool, Spool::diskSize).baseUnit("bytes")
                .description("Size of the file system the spool is on").register(registry);
        Gauge.builder("cctv.recording.spool.disk.free", spool, Spool::diskFree).baseUnit("bytes")
                .description("Free bytes on the file system the spool is on").register(registry);
        // Counted as they happen; registered now so they read 0 (and rates and alerts work) before the first one.
        for (String name : List.of("cctv.recording.segments.uploaded", "cctv.recording.bytes.uploaded",
                "cctv.recording.segments.fenced", "cctv.recording.segments.rejected", "cctv.recording.upload.failures")) {
            registry.counter(name);
        }
        this.thread = Thread.ofPlatform().name("segment-uploader").daemon().start(this::run);
    }

    /** Says a segment is ready, so it goes without waiting for the next poll. */
    public void ready() {
        synchronized (wake) {
            wake.notifyAll();
        }
    }

    private void run() {
        long backoff = 1000;
        while (running) {
            try {
                List<SpooledSegment> pending = spool.pending();
                measure(pending);
                boolean failed = false;
                for (int i = 0; i < pending.size(); i++) {
                    SpooledSegment segment = pending.get(i);
                    if (!running) {
                        return;
                    }
                    try {
                        SegmentSink.Result result = sink.upload(segment);
                        switch (result) {
                            case STORED -> {
                                spool.remove(segment);
                                registry.counter("cctv.recording.segments.uploaded").increment();
                                registry.counter("cctv.recording.bytes.uploaded").increment(segment.bytes());
                            }
                            case FENCED -> {
                                spool.remove(segment);
                                registry.counter("cctv.recording.segments.fenced").increment();
                                log.warn("segment of camera {} at {} was recorded under a stale lease; dropped",
                                        segment.camera(), segment.start());
                            }
                            case REJECTED -> {
                                spool.quarantine(segment);
                                registry.counter("cctv.recording.segments.rejected").increment();
                            }
                        }
                        measure(pending.subList(i + 1, pending.size()));
                    } catch (SegmentSink.SinkUnavailableException e) {
                        failed = true;
                        registry.counter("cctv.recording.upload.failures").increment();
                        log.debug("upload paused: {}", e.getMessage());
                        break;
                    }
                }
                if (failed) {
                    sleep(backoff);
                    backoff = Math.min(30_000, backoff * 2);
                } else {
                    backoff = 1000;
                    synchronized (wake) {
                        wake.wait(1000);
                    }
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                log.warn("uploader: {}", e.toString());
                sleep(backoff);
            }
        }
    }

    /* From the list in hand: re-walking the spool after every upload would cost a full directory scan per segment. */
    private void measure(List<SpooledSegment> waiting) {
        Spool.Backlog b = spool.backlog(waiting);
        backlogCount.set(b.count());
        backlogBytes.set(b.bytes());
        oldestSeconds.set(b.oldest().toSeconds());
    }

    /* Backoff ignores ready(): new segments arrive every second at scale, and must not defeat the backoff. */
    private void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
    }
}
