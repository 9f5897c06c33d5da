package ae.rta.cctv.vms.application;

import ae.rta.cctv.common.domain.CameraId;
import ae.rta.cctv.vms.application.port.out.CameraEventSource;
import ae.rta.cctv.vms.application.port.out.CameraRepository;
import ae.rta.cctv.vms.domain.Camera;
import ae.rta.cctv.vms.domain.DeviceEvent;
import ae.rta.cctv.vms.domain.SourceType;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps one event subscription per camera whose source reports events (ONVIF cameras that offer the Events service)
 * and stores what they report (motion, tampering) as camera events, beside the status changes. A camera that offers
 * no events is asked again after {@code recheck}; a subscription that fails or lapses is made again, at once the
 * first time and then after a growing pause (up to {@code maxBackoff}).
 */
public final class CameraEventMonitor {

    /*
     * Threads: tick() runs every second on the scheduler and only starts or stops followers; each camera's follower is
     * a virtual thread that subscribes and then waits on the camera (a long poll) for events, so no thread sleeps and
     * a quiet camera costs one parked virtual thread. A follower ends when its subscription fails (its camera is then
     * due again at a time tick() keeps), when the camera is gone, or at close(). Whatever a camera sends, a follower
     * never lets an exception out: it is logged once per change of state and written as the camera's events state.
     */
    private static final Logger log = LoggerFactory.getLogger(CameraEventMonitor.class);
    private static final int MAX_STATE = 500;

    private final CameraRepository cameras;
    private final Map<SourceType, CameraEventSource> sources = new EnumMap<>(SourceType.class);
    private final Clock clock;
    private final Duration wait;
    private final Duration recheck;
    private final Duration maxBackoff;
    private final MeterRegistry registry;
    private final ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor();
    private final Map<CameraId, Follower> running = new ConcurrentHashMap<>();
    private final Map<CameraId, Instant> due = new ConcurrentHashMap<>();
    private final Map<CameraId, Integer> failures = new ConcurrentHashMap<>();
    private final Map<CameraId, String> states = new ConcurrentHashMap<>();

    private final class Follower {
        final Camera camera;
        final AtomicBoolean stopped = new AtomicBoolean();
        volatile CameraEventSource.Subscription subscription;

        Follower(Camera camera) {
            this.camera = camera;
        }

        void stop() {
            stopped.set(true);
            CameraEventSource.Subscription s = subscription;
            if (s != null) {
                s.close();
            }
        }
    }

    public CameraEventMonitor(CameraRepository cameras, List<CameraEventSource> sources, Clock clock, Duration wait,
            Duration recheck, Duration maxBackoff, MeterRegistry registry) {
        this.cameras = cameras;
        sources.forEach(s -> this.sources.put(s.type(), s));
        this.clock = clock;
        this.wait = wait;
        this.recheck = recheck;
        this.maxBackoff = maxBackoff;
        this.registry = registry;
    }

    /** Starts followers for cameras that are due and stops those of cameras gone or changed; called every second. */
    public void tick() {
        Instant now = clock.instant();
        Set<CameraId> present = new HashSet<>();
        for (Camera camera : cameras.findAll()) {
            if (!sources.containsKey(camera.source().type())) {
                continue;
            }
            present.add(camera.id());
            Follower current = running.get(camera.id());
            if (current != null && !current.camera.source().equals(camera.source())) {
                current.stop();
                running.remove(camera.id(), current);
                due.put(camera.id(), now);
                current = null;
            }
            if (current == null && !due.computeIfAbsent(camera.id(), id -> now).isAfter(now)) {
                Follower follower = new Follower(camera);
                if (running.putIfAbsent(camera.id(), follower) == null) {
                    workers.execute(() -> follow(follower));
                }
            }
        }
        for (CameraId id : Set.copyOf(running.keySet())) {
            if (!present.contains(id)) {
                Follower gone = running.remove(id);
                if (gone != null) {
                    gone.stop();
                }
            }
        }
        due.keySet().retainAll(present);
        failures.keySet().retainAll(present);
        states.keySet().retainAll(present);
    }

    private void follow(Follower follower) {
        Camera camera = follower.camera;
        CameraEventSource source = sources.get(camera.source().type());
        try {
            Optional<CameraEventSource.Subscription> subscribed = source.subscribe(camera);
            if (subscribed.isEmpty()) {
                log.debug("camera {} ({}) offers no events; asking again in {}", camera.id(), camera.name(), recheck);
                state(camera, "the camera offers no events");
                due.put(camera.id(), clock.instant().plus(recheck));
                return;
            }
            try (CameraEventSource.Subscription subscription = subscribed.get()) {
                follower.subscription = subscription;
                if (follower.stopped.get()) {
                    return;
                }
                state(camera, "subscribed");
                failures.remove(camera.id());
                while (!follower.stopped.get()) {
                    for (DeviceEvent event : subscription.next(wait)) {
                        cameras.addDeviceEvent(camera, event);
                        registry.counter("cctv.vms.camera.events", "kind", event.kind().name()).increment();
                    }
                }
            }
        } catch (RuntimeException e) {
            if (follower.stopped.get()) {
                return;
            }
            int failed = failures.merge(camera.id(), 1, Integer::sum);
            Duration pause = failed <= 1 ? Duration.ZERO : backoff(failed);
            String reason = e instanceof CameraEventSource.EventsFailedException ? e.getMessage() : e.toString();
            if (!reason.equals(states.get(camera.id()))) {
                log.warn("camera {} ({}): events stopped: {}; subscribing again in {}", camera.id(), camera.name(), reason,
                        pause);
            }
            state(camera, reason);
            due.put(camera.id(), clock.instant().plus(pause));
        } finally {
            running.remove(camera.id(), follower);
        }
    }

    private Duration backoff(int failed) {
        Duration pause = Duration.ofSeconds(5L << Math.min(failed - 2, 10));
        return pause.compareTo(maxBackoff) > 0 ? maxBackoff : pause;
    }

    private void state(Camera camera, String state) {
        String bounded = state.length() <= MAX_STATE ? state : state.substring(0, MAX_STATE - 3) + "...";
        if (!bounded.equals(states.put(camera.id(), bounded))) {
            try {
                cameras.saveEventsState(camera.id(), bounded);
            } catch (RuntimeException e) {
                log.warn("events state of camera {} not stored: {}", camera.id(), e.toString());
            }
        }
    }

    public void close() {
        running.values().forEach(Follower::stop);
        workers.shutdownNow();
    }
}
