package ae.rta.cctv.live.application;

import ae.rta.cctv.live.domain.Fragment;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** The live service's meters (names in the README's live section). */
public final class LiveMetrics {

    private final MeterRegistry registry;
    private final Counter upstreamStarts;
    private final Counter ingestedBytes;
    private final Counter sentBytes;
    private final Counter skips;
    private final Counter slowClosed;
    private final Counter reservationChecksFailed;
    private final Timer ingestToSend;

    public LiveMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.upstreamStarts = Counter.builder("cctv.live.upstream.starts")
                .description("Upstream pulls opened (first viewer, or a reconnect)").register(registry);
        this.ingestedBytes = Counter.builder("cctv.live.ingested").baseUnit("bytes")
                .description("Bytes of fMP4 fragments read from upstream pulls").register(registry);
        this.sentBytes = Counter.builder("cctv.live.sent").baseUnit("bytes")
                .description("Bytes sent to viewers over WebSocket").register(registry);
        this.skips = Counter.builder("cctv.live.keyframe.skips")
                .description("Times a viewer fell behind and skipped to the newest keyframe").register(registry);
        this.slowClosed = Counter.builder("cctv.live.viewers.closed.slow")
                .description("Viewers closed because one send did not complete within the send timeout").register(registry);
        this.reservationChecksFailed = Counter.builder("cctv.live.reservation.checks.failed")
                .description("Reservation checks the stream-counter did not answer").register(registry);
        this.ingestToSend = Timer.builder("cctv.live.ingest.to.send")
                .description("From a fragment read from upstream to its send to one viewer completing")
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofNanos(100_000))
                .maximumExpectedValue(Duration.ofSeconds(5))
                .register(registry);
    }

    public MeterRegistry registry() {
        return registry;
    }

    void upstreamStarted() {
        upstreamStarts.increment();
    }

    void ingested(Fragment fragment) {
        ingestedBytes.increment(fragment.size());
    }

    void reservationCheckFailed() {
        reservationChecksFailed.increment();
    }

    /** One fragment's send to one viewer completed at {@code nowNanos}. */
    public void sent(Fragment fragment, long nowNanos) {
        sentBytes.increment(fragment.size());
        ingestToSend.record(nowNanos - fragment.ingestNanos(), TimeUnit.NANOSECONDS);
    }

    public void skipped() {
        skips.increment();
    }

    public void closedSlow() {
        slowClosed.increment();
    }

    public Timer ingestToSend() {
        return ingestToSend;
    }
}
