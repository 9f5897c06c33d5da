package ae.rta.cctv.live.application;

import ae.rta.cctv.common.domain.CameraId;
import ae.rta.cctv.common.security.Secrets;
import ae.rta.cctv.live.application.port.out.CameraStreams;
import ae.rta.cctv.live.application.port.out.CameraStreams.StreamSource;
import ae.rta.cctv.live.application.port.out.Upstream;
import ae.rta.cctv.live.domain.Fragment;
import ae.rta.cctv.live.domain.GopBuffer;
import ae.rta.cctv.live.domain.InitSection;
import ae.rta.cctv.live.domain.LlHlsWindow;
import ae.rta.cctv.live.domain.PullKey;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live gateway's pulls: one upstream connection per camera stream however many viewers watch it, opened on the
 * first viewer and closed a grace period after the last leaves. Each fragment is handed to every viewer's own
 * bounded queue, so no viewer waits for another. A pull whose upstream ends while viewers remain reconnects with
 * backoff. {@link #tick()}, run each second, stops idle pulls, retries failed ones and closes the viewers whose
 * quota reservation has ended.
 */
public final class LivePulls implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LivePulls.class);

    /** Close codes this service sends on its WebSockets. */
    public static final int CLOSE_RESERVATION_ENDED = 4410;
    public static final int CLOSE_CAMERA_GONE = 4404;
    public static final int CLOSE_TOO_SLOW = 4408;
    public static final int CLOSE_GOING_AWAY = 1001;

    /** @param idleGrace how long a pull outlives its last viewer; @param hlsIdle how long an HLS player counts as watching after its last request */
    public record Settings(Duration idleGrace, Duration hlsIdle, Duration maxBackoff, long gopBufferBytes,
            LlHlsWindow.Settings hls) {
    }

    /** What one pull is doing, for the internal status route. */
    public record PullStatus(String camera, String variant, String state, int viewers, int hlsPlayers, int generation,
            String codecs, int width, int height, int reconnects, String lastError) {
    }

    private final CameraStreams cameras;
    private final Upstream upstream;
    private final EndedReservations endedReservations;
    private final LiveMetrics metrics;
    private final Settings settings;
    private final LongSupplier nanos;
    private final Map<PullKey, Pull> pulls = new ConcurrentHashMap<>();
    private volatile boolean closed;

    public LivePulls(CameraStreams cameras, Upstream upstream, EndedReservations endedReservations, LiveMetrics metrics,
            Settings settings, LongSupplier nanos) {
        this.cameras = cameras;
        this.upstream = upstream;
        this.endedReservations = endedReservations;
        this.metrics = metrics;
        this.settings = settings;
        this.nanos = nanos;
        metrics.registry().gauge("cctv.live.upstream.pulls", pulls, Map::size);
        // Service-wide viewer counts by protocol (cctv_live_viewers is per camera stream and exists only while pulled).
        io.micrometer.core.instrument.Gauge.builder("cctv.live.mse.viewers", pulls,
                        p -> p.values().stream().mapToInt(pull -> pull.viewers.size()).sum())
                .description("Viewers connected over WebSocket (MSE), all camera streams").register(metrics.registry());
        io.micrometer.core.instrument.Gauge.builder("cctv.live.hls.viewers", pulls,
                        p -> p.values().stream().mapToInt(pull -> pull.hlsPlayers.size()).sum())
                .description("LL-HLS players seen within hls-idle, all camera streams").register(metrics.registry());
    }

    /** Adds a viewer, opening the pull if it is the first; the viewer is sent the current group of pictures at once. */
    public void attach(PullKey key, Viewer viewer) {
        if (closed) {
            viewer.close(CLOSE_GOING_AWAY, "the live service is stopping");
            return;
        }
        while (!pull(key).attach(viewer)) {
            Thread.onSpinWait(); // the pull stopped as the viewer came: open a new one
        }
    }

    public void detach(PullKey key, Viewer viewer) {
        Pull pull = pulls.get(key);
        if (pull != null) {
            pull.detach(viewer);
        }
    }

    /** Counts an HLS request of {@code reservation}; returns the pull's LL-HLS window, opening the pull if needed. */
    public LlHlsWindow hls(PullKey key, String reservation) {
        while (true) {
            Pull pull = pull(key);
            synchronized (pull) {
                if (!pull.stopped) {
                    long now = nanos.getAsLong();
                    pull.hlsPlayers.put(reservation, now);
                    pull.idleSince = now;
                    return pull.hls;
                }
            }
        }
    }

    private Pull pull(PullKey key) {
        Pull[] created = {null};
        Pull pull = pulls.computeIfAbsent(key, k -> created[0] = new Pull(k));
        if (created[0] != null) {
            created[0].start();
        }
        return pull;
    }

    public List<PullStatus> status() {
        List<PullStatus> list = new ArrayList<>();
        pulls.values().forEach(p -> list.add(p.status()));
        list.sort(java.util.Comparator.comparing(PullStatus::camera).thenComparing(PullStatus::variant));
        return list;
    }

    /** How often pulls ask whether a camera's audio setting changed. */
    static final long AUDIO_CHECK_NANOS = 3_000_000_000L;
    private long audioCheckedAt = Long.MIN_VALUE;

    /**
     * Stops idle pulls, retries failed ones, closes the viewers whose reservation has ended, and every few seconds
     * starts again the pulls whose camera's sound was turned on or off since they opened: off must stop it reaching
     * viewers now, not at the next reconnect.
     */
    public void tick() {
        long now = nanos.getAsLong();
        for (Pull pull : pulls.values()) {
            pull.tick(now);
        }
        closeEndedReservations();
        if (!pulls.isEmpty() && (audioCheckedAt == Long.MIN_VALUE || now - audioCheckedAt >= AUDIO_CHECK_NANOS)) {
            audioCheckedAt = now;
            followAudioSettings();
        }
    }

    private void followAudioSettings() {
        Set<CameraId> kept;
        try {
            kept = cameras.audioKept();
        } catch (CameraStreams.UnavailableException e) {
            return; // asked again at the next check
        }
        for (Pull pull : pulls.values()) {
            pull.followAudio(kept.contains(pull.key.camera()));
        }
    }

    private void closeEndedReservations() {
        Set<String> watched = new HashSet<>();
        for (Pull pull : pulls.values()) {
            pull.viewers.forEach(v -> watched.add(v.reservation()));
            watched.addAll(pull.hlsPlayers.keySet());
        }
        Set<String> ended = endedReservations.of(watched);
        if (ended.isEmpty()) {
            return;
        }
        for (Pull pull : pulls.values()) {
            for (Viewer viewer : pull.viewers) {
                if (ended.contains(viewer.reservation())) {
                    viewer.close(CLOSE_RESERVATION_ENDED, "the stream's reservation was released or lapsed");
                    pull.detach(viewer);
                }
            }
            pull.hlsPlayers.keySet().removeIf(ended::contains);
        }
    }

    @Override
    public void close() {
        closed = true;
        for (Pull pull : List.copyOf(pulls.values())) {
            pull.viewers.forEach(v -> v.close(CLOSE_GOING_AWAY, "the live service is stopping"));
            pull.stop();
        }
    }

    private enum State {
        CONNECTING, LIVE, RECONNECTING
    }

    /* One camera stream's upstream and its viewers. Fragments arrive on the upstream's thread. */
    private final class Pull implements Upstream.Listener {
        private final PullKey key;
        private final CopyOnWriteArrayList<Viewer> viewers = new CopyOnWriteArrayList<>();
        private final Map<String, Long> hlsPlayers = new ConcurrentHashMap<>();
        private final GopBuffer gop = new GopBuffer(settings.gopBufferBytes());
        private final LlHlsWindow hls = new LlHlsWindow(settings.hls());
        private final Gauge viewerGauge;
        private State state = State.CONNECTING;
        private Upstream.Session session;
        private InitSection init;
        private int generation;
        private int reconnects;
        private int failures;
        private long retryAt = Long.MAX_VALUE;
        private long idleSince;
        private String lastError;
        private boolean stopped;
        private Boolean audio;

        Pull(PullKey key) {
            this.key = key;
            this.idleSince = nanos.getAsLong();
            this.viewerGauge = Gauge.builder("cctv.live.viewers", viewers, List::size)
                    .description("Viewers connected over WebSocket, per camera stream")
                    .tag("camera", key.camera().toString()).tag("variant", key.variant().name().toLowerCase(java.util.Locale.ROOT))
                    .register(metrics.registry());
        }

        void start() {
            Thread.ofVirtual().name("live-open-" + key).start(this::open);
        }

        private void open() {
            StreamSource source;
            try {
                source = cameras.locate(key.camera(), key.variant());
            } catch (CameraStreams.CameraGoneException e) {
                log.info("live pull {} stops: the camera does not exist", key);
                stop();
                for (Viewer v : viewers) {
                    v.close(CLOSE_CAMERA_GONE, "the camera does not exist");
                }
                return;
            } catch (CameraStreams.UnavailableException e) {
                failed("the vms service did not say where the camera streams: " + e.getMessage());
                return;
            }
            synchronized (this) {
                if (stopped) {
                    return;
                }
                generation++;
                audio = source.audio();
                metrics.upstreamStarted();
                session = upstream.open(key, source, generation, this);
            }
        }

        /* Starts the upstream again when the camera's sound setting is not what it was opened with. */
        void followAudio(boolean kept) {
            Upstream.Session old;
            synchronized (this) {
                if (stopped || session == null || audio == null || audio == kept) {
                    return;
                }
                log.info("live pull {}: audio turned {}; opening the camera again", key, kept ? "on" : "off");
                old = session;
                session = null;
                audio = null;
            }
            old.close();
            start();
        }

        synchronized boolean attach(Viewer viewer) {
            if (stopped) {
                return false;
            }
            viewers.add(viewer);
            viewer.status(state.name(), lastError);
            for (Fragment f : gop.snapshot()) {
                viewer.offer(f);
            }
            return true;
        }

        void detach(Viewer viewer) {
            if (viewers.remove(viewer) && viewers.isEmpty()) {
                idleSince = nanos.getAsLong();
            }
        }

        @Override
        public synchronized void init(InitSection section) {
            init = section;
            gop.clear();
            hls.restart(section);
            if (state != State.LIVE) {
                state = State.LIVE;
                failures = 0;
                lastError = null;
                viewers.forEach(v -> v.status(State.LIVE.name(), null));
            }
        }

        @Override
        public synchronized void fragment(Fragment fragment) {
            gop.add(fragment);
            hls.add(fragment);
            for (Viewer viewer : viewers) {
                viewer.offer(fragment);
            }
            metrics.ingested(fragment);
        }

        @Override
        public void ended(String reason) {
            failed(reason);
        }

        /* Every way a pull fails ends here; the reason goes to logs, viewers and /internal/pulls, so it is masked. */
        private synchronized void failed(String why) {
            if (stopped) {
                return;
            }
            String reason = Secrets.mask(why);
            session = null;
            lastError = reason;
            failures++;
            reconnects++;
            state = State.RECONNECTING;
            long backoffMs = Math.min(settings.maxBackoff().toMillis(), 500L << Math.min(failures - 1, 10));
            retryAt = nanos.getAsLong() + backoffMs * 1_000_000L;
            log.info("live pull {} ended ({}); retrying in {} ms if still watched", key, reason, backoffMs);
            viewers.forEach(v -> v.status(State.RECONNECTING.name(), reason));
        }

        void tick(long now) {
            hlsPlayers.values().removeIf(seen -> now - seen > settings.hlsIdle().toNanos());
            boolean retry;
            synchronized (this) {
                if (!viewers.isEmpty() || !hlsPlayers.isEmpty()) {
                    idleSince = now;
                } else if (now - idleSince >= settings.idleGrace().toNanos()) {
                    log.info("live pull {} stops: nobody watched it for {}", key, settings.idleGrace());
                    stop();
                    return;
                }
                retry = state == State.RECONNECTING && session == null && now >= retryAt && !stopped;
                if (retry) {
                    retryAt = Long.MAX_VALUE;
                }
            }
            if (retry) {
                start();
            }
        }

        void stop() {
            Upstream.Session s;
            synchronized (this) {
                if (stopped) {
                    return;
                }
                stopped = true;
                s = session;
                session = null;
            }
            pulls.remove(key, this);
            metrics.registry().remove(viewerGauge);
            hls.close();
            if (s != null) {
                s.close();
            }
        }

        synchronized PullStatus status() {
            return new PullStatus(key.camera().toString(), key.variant().name(), state.name(), viewers.size(),
                    hlsPlayers.size(), generation, init == null ? null : init.codecs(), init == null ? 0 : init.width(),
                    init == null ? 0 : init.height(), reconnects, lastError);
        }
    }
}
