package ae.rta.cctv.live.application;

import ae.rta.cctv.common.security.Secrets;
import ae.rta.cctv.common.web.ProblemException;
import ae.rta.cctv.live.application.StreamAdmission.Admitted;
import ae.rta.cctv.live.application.port.out.CameraStreams;
import ae.rta.cctv.live.application.port.out.WebRtcGateway;
import ae.rta.cctv.live.application.port.out.WebRtcGateway.GatewayException;
import ae.rta.cctv.live.application.port.out.WebRtcGateway.NoSuchMountpointException;
import ae.rta.cctv.live.application.port.out.WebRtcGateway.Subscriber;
import ae.rta.cctv.live.application.port.out.WebRtcGateway.UnreachableException;
import ae.rta.cctv.live.domain.PullKey;
import ae.rta.cctv.live.domain.Rendezvous;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Timer;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * WebRTC viewers through Janus gateways. A camera stream gets one mountpoint, on the gateway that rendezvous
 * hashing picks for it (the next one when that gateway does not answer), created on its first viewer and destroyed
 * a grace period after its last: the gateway, not this service, pulls the camera. Each viewer gets the gateway's SDP
 * offer through this service, answers through it, and is hung up when its quota reservation ends, when it never
 * answers, or when it leaves. Browsers never talk to the gateway's API, only exchange media with it.
 */
public final class WebRtcViewers implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(WebRtcViewers.class);
    private static final int JSEP_UNKNOWN_TYPE = 464; // Janus core errors for an SDP it cannot use
    private static final int JSEP_INVALID_SDP = 465;
    private static final long MAX_MOUNTPOINT_ID = 1L << 52; // Janus ids are JSON numbers: stay exact in doubles

    /**
     * @param idleGrace how long a mountpoint outlives its last viewer
     * @param offerTimeout how long to wait for a gateway's offer
     * @param answerTimeout how long a viewer has to answer the offer
     * @param gatewayRetry how long a gateway that did not answer is passed over
     */
    public record Settings(Duration idleGrace, Duration offerTimeout, Duration answerTimeout, Duration gatewayRetry) {
    }

    /** What a browser needs to start: its viewer id and the gateway's offer. */
    public record Offer(String viewer, String sdp) {
    }

    /** One mountpoint, for the internal status route. */
    public record MountStatus(String camera, String variant, String gateway, long mountpoint, int viewers) {
    }

    private final List<WebRtcGateway> gateways;
    private final CameraStreams cameras;
    private final EndedReservations endedReservations;
    private final Settings settings;
    private final LongSupplier nanos;
    private final Map<PullKey, Mount> mounts = new ConcurrentHashMap<>();
    private final Map<String, Watcher> watchers = new ConcurrentHashMap<>();
    private final Map<String, Long> downUntil = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();
    private final Timer offerTime;
    private final Counter refused;
    private final Counter hungUpEnded;

    public WebRtcViewers(List<WebRtcGateway> gateways, CameraStreams cameras, EndedReservations endedReservations,
            LiveMetrics metrics, Settings settings, LongSupplier nanos) {
        this.gateways = List.copyOf(gateways);
        this.cameras = cameras;
        this.endedReservations = endedReservations;
        this.settings = settings;
        this.nanos = nanos;
        var registry = metrics.registry();
        registry.gauge("cctv.live.webrtc.viewers", watchers, Map::size);
        registry.gauge("cctv.live.webrtc.mountpoints", mounts, Map::size);
        this.offerTime = Timer.builder("cctv.live.webrtc.offer")
                .description("From a WebRTC viewer's request to the gateway's offer (mountpoint creation included)")
                .publishPercentileHistogram().register(registry);
        this.refused = Counter.builder("cctv.live.webrtc.failures")
                .description("WebRTC viewers that could not be given an offer (gateway or camera failed)").register(registry);
        this.hungUpEnded = Counter.builder("cctv.live.webrtc.hangups")
                .tag("reason", "reservation-ended")
                .description("WebRTC viewers hung up by this service").register(registry);
    }

    public boolean enabled() {
        return !gateways.isEmpty();
    }

    /**
     * Opens a WebRTC viewer for an admitted stream.
     *
     * @throws ProblemException 404 when no gateway is configured or the camera is gone, 503 when gateways or the
     *     camera cannot serve it now
     */
    public Offer watch(Admitted admitted) {
        if (!enabled()) {
            throw ProblemException.notFound("This live service has no WebRTC gateway configured: use the MSE or HLS URL.");
        }
        long started = nanos.getAsLong();
        String failure = "no gateway answered";
        for (int attempt = 0; attempt < Math.max(2, gateways.size() + 1); attempt++) {
            Mount mount = mount(admitted.key());
            Watcher watcher = new Watcher(newId(), admitted.reservation(), mount, started);
            if (!mount.join(watcher)) {
                continue; // it was being taken down as we came: make a new one
            }
            try {
                Subscriber subscriber = mount.gateway.watch(mount.id, settings.offerTimeout(), () -> leave(watcher));
                watcher.subscriber = subscriber;
                watchers.put(watcher.id, watcher);
                if (watcher.left) {
                    leave(watcher);
                }
                offerTime.record(nanos.getAsLong() - started, java.util.concurrent.TimeUnit.NANOSECONDS);
                return new Offer(watcher.id, subscriber.offerSdp());
            } catch (NoSuchMountpointException e) {
                failure = e.getMessage(); // the gateway restarted and forgot it: create it again
                mount.leave(watcher, nanos.getAsLong());
                discard(mount);
            } catch (UnreachableException e) {
                failure = e.getMessage();
                mount.leave(watcher, nanos.getAsLong());
                markDown(mount.gateway);
                abandon(mount);
            } catch (GatewayException e) {
                mount.leave(watcher, nanos.getAsLong());
                refused.increment();
                throw ProblemException.unavailable("The WebRTC gateway could not start the stream: " + e.getMessage());
            }
        }
        refused.increment();
        throw ProblemException.unavailable("No WebRTC gateway could serve the stream now (" + failure + "); use the MSE or HLS URL.");
    }

    /**
     * Hands the gateway a viewer's SDP answer.
     *
     * @throws ProblemException 404 for an unknown viewer or one of another reservation, 503 when the gateway refuses
     */
    public void answer(String reservation, String viewer, String sdp) {
        Watcher w = watcher(reservation, viewer);
        try {
            w.subscriber.answer(sdp);
            w.answered = true;
        } catch (GatewayException e) {
            if (e.code() == JSEP_UNKNOWN_TYPE || e.code() == JSEP_INVALID_SDP) {
                throw ProblemException.badRequest("The WebRTC gateway could not use that answer: " + e.getMessage());
            }
            leave(w);
            throw ProblemException.unavailable("The WebRTC gateway did not take the answer: " + e.getMessage());
        } catch (UnreachableException e) {
            leave(w);
            throw ProblemException.unavailable("The WebRTC gateway did not take the answer: " + e.getMessage());
        }
    }

    /** Hangs a viewer up. @throws ProblemException 404 for an unknown viewer or one of another reservation */
    public void hangup(String reservation, String viewer) {
        leave(watcher(reservation, viewer));
    }

    private Watcher watcher(String reservation, String viewer) {
        Watcher w = viewer == null ? null : watchers.get(viewer);
        if (w == null || !w.reservation.equals(reservation)) {
            throw ProblemException.notFound("No WebRTC viewer has that id (it ended, or never answered in time).");
        }
        return w;
    }

    private String newId() {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /* The camera stream's mountpoint, created on the first gateway (in rendezvous order) that answers. */
    private Mount mount(PullKey key) {
        while (true) {
            Mount mount = mounts.computeIfAbsent(key, Mount::new);
            synchronized (mount) {
                if (mount.discarded) {
                    mounts.remove(key, mount);
                    continue;
                }
                if (mount.gateway == null) {
                    create(mount);
                }
                return mount;
            }
        }
    }

    private void create(Mount mount) {
        PullKey key = mount.key;
        CameraStreams.StreamSource source;
        try {
            source = cameras.locate(key.camera(), key.variant());
        } catch (CameraStreams.CameraGoneException e) {
            discard(mount);
            throw ProblemException.notFound("The camera does not exist (any more).");
        } catch (CameraStreams.UnavailableException e) {
            discard(mount);
            throw ProblemException.unavailable("The vms service did not say where the camera streams; try again shortly.");
        }
        String failure = "none configured";
        for (WebRtcGateway gateway : order(key)) {
            long id = 1 + Math.floorMod(random.nextLong(), MAX_MOUNTPOINT_ID - 1);
            String secret = newId();
            try {
                gateway.createMountpoint(id, source.url(), secret);
                mount.created(gateway, id, secret, nanos.getAsLong());
                log.info("WebRTC mountpoint {} for {} on {}", id, key, gateway.name());
                return;
            } catch (UnreachableException e) {
                markDown(gateway);
                failure = e.getMessage();
            } catch (GatewayException e) {
                discard(mount);
                refused.increment();
                throw ProblemException.unavailable("The WebRTC gateway could not open the camera's stream: " + e.getMessage());
            }
        }
        discard(mount);
        refused.increment();
        throw ProblemException.unavailable("No WebRTC gateway answered (" + failure + "); use the MSE or HLS URL.");
    }

    /* Gateways in the camera stream's rendezvous order, those that did not answer lately last. */
    private List<WebRtcGateway> order(PullKey key) {
        long now = nanos.getAsLong();
        List<WebRtcGateway> ordered = new ArrayList<>(Rendezvous.order(key.toString(), gateways, WebRtcGateway::name));
        ordered.sort(Comparator.comparing(g -> downUntil.getOrDefault(g.name(), Long.MIN_VALUE) > now));
        return ordered;
    }

    private void markDown(WebRtcGateway gateway) {
        log.warn("WebRTC gateway {} did not answer; passed over for {}", gateway.name(), settings.gatewayRetry());
        downUntil.put(gateway.name(), nanos.getAsLong() + settings.gatewayRetry().toNanos());
    }

    private void discard(Mount mount) {
        synchronized (mount) {
            mount.discarded = true;
        }
        mounts.remove(mount.key, mount);
    }

    private void leave(Watcher w) {
        w.left = true;
        if (watchers.remove(w.id, w)) {
            w.mount.leave(w, nanos.getAsLong());
            if (w.subscriber != null) {
                w.subscriber.hangup();
            }
        }
    }

    /** Hangs up viewers that never answered or whose reservation ended, and destroys idle mountpoints. */
    public void tick() {
        long now = nanos.getAsLong();
        for (Watcher w : watchers.values()) {
            if (!w.answered && now - w.createdNanos > settings.answerTimeout().toNanos()) {
                log.debug("WebRTC viewer {} never answered; hung up", w.id);
                leave(w);
            }
        }
        hangUpEndedReservations();
        for (Mount mount : mounts.values()) {
            if (mount.idleFor(now) >= settings.idleGrace().toNanos()) {
                takeDown(mount);
            }
        }
        for (WebRtcGateway gateway : gateways) {
            try {
                gateway.tick();
            } catch (RuntimeException e) {
                log.debug("WebRTC gateway {} tick failed: {}", gateway.name(), Secrets.mask(e.getMessage()));
            }
        }
    }

    private void hangUpEndedReservations() {
        Set<String> watched = new HashSet<>();
        watchers.values().forEach(w -> watched.add(w.reservation));
        Set<String> ended = endedReservations.of(watched);
        for (Watcher w : watchers.values()) {
            if (ended.contains(w.reservation)) {
                hungUpEnded.increment();
                leave(w);
            }
        }
    }

    private void takeDown(Mount mount) {
        WebRtcGateway gateway;
        synchronized (mount) {
            if (mount.discarded || mount.gateway == null || !mount.viewers.isEmpty()) {
                return;
            }
            mount.discarded = true;
            gateway = mount.gateway;
        }
        mounts.remove(mount.key, mount);
        destroy(gateway, mount);
    }

    /* A mountpoint on a gateway that did not answer may still be there: try to remove it, without waiting. */
    private void abandon(Mount mount) {
        discard(mount);
        Thread.ofVirtual().start(() -> destroy(mount.gateway, mount));
    }

    private void destroy(WebRtcGateway gateway, Mount mount) {
        try {
            gateway.destroyMountpoint(mount.id, mount.secret);
            log.info("WebRTC mountpoint {} for {} destroyed", mount.id, mount.key);
        } catch (RuntimeException e) {
            log.warn("WebRTC mountpoint {} on {} could not be destroyed ({}); it goes when the gateway restarts",
                    mount.id, gateway.name(), Secrets.mask(e.getMessage()));
        }
    }

    public List<MountStatus> status() {
        List<MountStatus> list = new ArrayList<>();
        for (Mount m : mounts.values()) {
            synchronized (m) {
                if (m.gateway != null && !m.discarded) {
                    list.add(new MountStatus(m.key.camera().toString(), m.key.variant().name().toLowerCase(Locale.ROOT),
                            m.gateway.name(), m.id, m.viewers.size()));
                }
            }
        }
        list.sort(Comparator.comparing(MountStatus::camera).thenComparing(MountStatus::variant));
        return list;
    }

    @Override
    public void close() {
        List.copyOf(watchers.values()).forEach(this::leave);
        for (Mount mount : List.copyOf(mounts.values())) {
            takeDown(mount);
        }
    }

    /* A camera stream's mountpoint on one gateway, and who watches it. */
    private static final class Mount {
        private final PullKey key;
        private final Set<String> viewers = new HashSet<>();
        private WebRtcGateway gateway;
        private long id;
        private String secret;
        private long idleSince;
        private boolean discarded;

        Mount(PullKey key) {
            this.key = key;
        }

        synchronized void created(WebRtcGateway gateway, long id, String secret, long now) {
            this.gateway = gateway;
            this.id = id;
            this.secret = secret;
            this.idleSince = now;
        }

        synchronized boolean join(Watcher w) {
            if (discarded) {
                return false;
            }
            viewers.add(w.id);
            return true;
        }

        synchronized void leave(Watcher w, long now) {
            if (viewers.remove(w.id) && viewers.isEmpty()) {
                idleSince = now;
            }
        }

        synchronized long idleFor(long now) {
            return gateway == null || !viewers.isEmpty() ? 0 : now - idleSince;
        }
    }

    private static final class Watcher {
        private final String id;
        private final String reservation;
        private final Mount mount;
        private final long createdNanos;
        private volatile Subscriber subscriber;
        private volatile boolean answered;
        private volatile boolean left;

        Watcher(String id, String reservation, Mount mount, long createdNanos) {
            this.id = id;
            this.reservation = reservation;
            this.mount = mount;
            this.createdNanos = createdNanos;
        }
    }
}
