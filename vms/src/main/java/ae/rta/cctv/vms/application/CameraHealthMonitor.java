package ae.rta.cctv.vms.application;

import ae.rta.cctv.common.domain.CameraId;
import ae.rta.cctv.common.security.Secrets;
import ae.rta.cctv.vms.application.port.out.CameraRepository;
import ae.rta.cctv.vms.application.port.out.StreamProbe;
import ae.rta.cctv.vms.domain.Camera;
import ae.rta.cctv.vms.domain.CameraHealth;
import ae.rta.cctv.vms.domain.CameraStatus;
import ae.rta.cctv.common.domain.StreamVariant;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Probes every camera's main stream on a schedule and keeps its status: ONLINE on the first good probe, OFFLINE
 * after {@code failuresToOffline} failed ones in a row (one, for a camera never seen), with the reason. Each change
 * is stored with a status event; {@code last_seen} is written at most once a minute while nothing changes.
 */
public final class CameraHealthMonitor {

    /*
     * Scheduling: tick() runs every second; a camera is due at its own time, interval +-10% jitter, so probes of
     * thousands of cameras spread out instead of arriving together. Probes run on virtual threads, at most
     * maxConcurrent at once; a camera is never probed twice at the same time.
     */
    private static final Logger log = LoggerFactory.getLogger(CameraHealthMonitor.class);
    private static final Duration LAST_SEEN_WRITE_EVERY = Duration.ofMinutes(1);

    private final CameraRepository cameras;
    private final CameraStreams streams;
    private final StreamProbe probe;
    private final Clock clock;
    private final Duration interval;
    private final int failuresToOffline;
    private final Semaphore slots;
    private final MeterRegistry registry;
    private final ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor();
    private final Map<CameraId, Instant> due = new ConcurrentHashMap<>();
    private final Map<CameraId, Integer> failures = new ConcurrentHashMap<>();
    private final Map<CameraId, Instant> lastSeenWritten = new ConcurrentHashMap<>();
    private final Map<CameraId, ae.rta.cctv.vms.domain.StreamDescription> descriptions = new ConcurrentHashMap<>();
    /* How each camera serves its media (tcp, udp), asked once with a SETUP and then kept: probes stay one DESCRIBE. */
    private final Map<CameraId, String> transports = new ConcurrentHashMap<>();
    private final Set<CameraId> inFlight = ConcurrentHashMap.newKeySet();
    private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();
    private final Map<CameraId, OnlineGauge> online = new ConcurrentHashMap<>();

    /** One camera's {@code cctv_vms_camera_online} gauge: 1 while ONLINE, else 0. */
    private record OnlineGauge(AtomicInteger value, Gauge gauge) {
    }

    public CameraHealthMonitor(CameraRepository cameras, CameraStreams streams, StreamProbe probe, Clock clock,
            Duration interval, int failuresToOffline, int maxConcurrent, MeterRegistry registry) {
        this.cameras = cameras;
        this.streams = streams;
        this.probe = probe;
        this.clock = clock;
        this.interval = interval;
        this.failuresToOffline = failuresToOffline;
        this.slots = new Semaphore(maxConcurrent);
        this.registry = registry;
    }

    /** Probes the cameras that are due; called every second. */
    public void tick() {
        List<Camera> all = cameras.findAll();
        Instant now = clock.instant();
        Set<CameraId> present = new HashSet<>();
        for (Camera camera : all) {
            present.add(camera.id());
            Instant when = due.computeIfAbsent(camera.id(), id -> now);
            if (!when.isAfter(now) && inFlight.add(camera.id())) {
                due.put(camera.id(), now.plus(jittered()));
                workers.execute(() -> probe(camera));
            }
        }
        due.keySet().retainAll(present);
        failures.keySet().retainAll(present);
        updateGauges(all);
    }

    /** Makes a camera due now (after it was added). */
    /** What each camera's last successful probe said of its stream (codec, size, audio); empty until one succeeded. */
    public java.util.Optional<ae.rta.cctv.vms.domain.StreamDescription> description(CameraId id) {
        return java.util.Optional.ofNullable(descriptions.get(id));
    }

    /**
     * Probes a camera that is not saved (a connection test): the same probe as the health monitor's, its answer
     * returned and kept nowhere.
     */
    public StreamProbe.Result test(Camera camera, String transport) {
        try {
            return probe.probe(streams.endpoint(camera, StreamVariant.MAIN), true, "http".equals(transport));
        } catch (RuntimeException e) {
            return StreamProbe.Result.failed("the camera could not be asked for its stream: " + e.getMessage());
        }
    }

    /** How the camera serves its media as its probes found ({@code tcp}, {@code udp}); empty until asked. */
    public java.util.Optional<String> transport(CameraId id) {
        return java.util.Optional.ofNullable(transports.get(id));
    }

    public void probeSoon(CameraId id) {
        due.put(id, Instant.MIN);
    }

    private void probe(Camera camera) {
        try {
            slots.acquire();
            try {
                Timer.Sample sample = Timer.start(registry);
                StreamProbe.Result result;
                try {
                    boolean tunnel = cameras.transport(camera.id()).filter("http"::equals).isPresent();
                    result = probe.probe(streams.endpoint(camera, StreamVariant.MAIN), !transports.containsKey(camera.id()),
                            tunnel);
                } catch (RuntimeException e) {
                    result = StreamProbe.Result.failed("the camera could not be asked for its stream: " + e.getMessage());
                }
                sample.stop(registry.timer("cctv.vms.probe", "outcome", result.reachable() ? "reachable" : "unreachable"));
                record(camera, result);
            } finally {
                slots.release();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            log.warn("health probe of camera {} failed: {}", camera.id(), Secrets.mask(e.toString()));
        } finally {
            inFlight.remove(camera.id());
        }
    }

    private void record(Camera camera, StreamProbe.Result result) {
        Instant now = clock.instant();
        CameraHealth before = camera.health();
        CameraHealth after;
        if (result.reachable()) {
            failures.remove(camera.id());
            if (result.description() != null && result.description() != ae.rta.cctv.vms.domain.StreamDescription.NONE) {
                ae.rta.cctv.vms.domain.StreamDescription d = result.description();
                if (d.transport() != null) {
                    transports.put(camera.id(), d.transport());
                }
                descriptions.put(camera.id(), d.withTransport(transports.get(camera.id())));
            }
            boolean changed = before.status() != CameraStatus.ONLINE;
            after = new CameraHealth(CameraStatus.ONLINE, null, now, changed ? now : before.changedAt());
            Instant written = lastSeenWritten.get(camera.id());
            if (!changed && written != null && written.plus(LAST_SEEN_WRITE_EVERY).isAfter(now)) {
                return;
            }
            lastSeenWritten.put(camera.id(), now);
            save(camera.withHealth(after), changed);
            return;
        }
        int failed = failures.merge(camera.id(), 1, Integer::sum);
        boolean offlineNow = before.status() != CameraStatus.ONLINE || failed >= failuresToOffline;
        if (!offlineNow) {
            return;
        }
        boolean changed = before.status() != CameraStatus.OFFLINE;
        if (!changed && result.reason() != null && result.reason().equals(before.reason())) {
            return;
        }
        after = new CameraHealth(CameraStatus.OFFLINE, result.reason(), before.lastSeen(), changed ? now : before.changedAt());
        save(camera.withHealth(after), changed);
    }

    private void save(Camera camera, boolean changed) {
        cameras.saveHealth(camera, changed);
        if (changed) {
            registry.counter("cctv.vms.status.changes", "status", camera.status().name()).increment();
            log.info("camera {} ({}) is {}{}", camera.id(), camera.name(), camera.status(),
                    camera.health().reason() == null ? "" : ": " + camera.health().reason());
        }
    }

    private Duration jittered() {
        long millis = interval.toMillis();
        long jitter = millis / 10;
        return Duration.ofMillis(millis + ThreadLocalRandom.current().nextLong(-jitter, jitter + 1));
    }

    private void updateGauges(List<Camera> all) {
        Map<String, Integer> now = new java.util.HashMap<>();
        for (Camera c : all) {
            now.merge(c.agency().value() + "|" + c.status().name(), 1, Integer::sum);
        }
        for (String agency : all.stream().map(c -> c.agency().value()).distinct().toList()) {
            for (CameraStatus s : CameraStatus.values()) {
                now.putIfAbsent(agency + "|" + s.name(), 0);
            }
        }
        // An agency whose cameras are all gone counts zero, not its last figure.
        counts.keySet().forEach(key -> now.putIfAbsent(key, 0));
        now.forEach((key, value) -> counts.computeIfAbsent(key, k -> {
            AtomicInteger holder = new AtomicInteger();
            String[] parts = k.split("\\|");
            Gauge.builder("cctv.vms.cameras", holder, AtomicInteger::get)
                    .description("Cameras by agency and status")
                    .tags("agency", parts[0], "status", parts[1]).register(registry);
            return holder;
        }).set(value));
        // Per camera, so an alert can name the camera that has been offline for a while (cctv_vms_camera_online == 0).
        Set<CameraId> present = new HashSet<>();
        for (Camera c : all) {
            present.add(c.id());
            online.computeIfAbsent(c.id(), id -> {
                AtomicInteger value = new AtomicInteger();
                Gauge gauge = Gauge.builder("cctv.vms.camera.online", value, AtomicInteger::get)
                        .description("1 while the camera's main stream answers its health probe, else 0")
                        .tags("camera", id.toString(), "agency", c.agency().value()).register(registry);
                return new OnlineGauge(value, gauge);
            }).value().set(c.status() == CameraStatus.ONLINE ? 1 : 0);
        }
        for (Map.Entry<CameraId, OnlineGauge> e : List.copyOf(online.entrySet())) {
            if (!present.contains(e.getKey())) {
                registry.remove(e.getValue().gauge());
                online.remove(e.getKey());
            }
        }
    }

    public void close() {
        workers.shutdownNow();
    }
}
