package ae.rta.cctv.recording.application;

import ae.rta.cctv.common.domain.CameraId;
import ae.rta.cctv.recording.application.port.out.CameraCatalog;
import ae.rta.cctv.recording.application.port.out.LeaseStore;
import ae.rta.cctv.recording.application.port.out.Recorders;
import ae.rta.cctv.recording.application.port.out.ScheduleRepository;
import ae.rta.cctv.recording.domain.RecordingMode;
import ae.rta.cctv.recording.domain.RecordingSchedule;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides which cameras this instance records: those whose schedule says so now and whose lease it holds. Every
 * tick it renews its leases (stopping any camera whose lease was lost), stops cameras whose schedule ended, and
 * takes free leases up to its fair share (cameras to record / live instances, rounded up), so cameras of an instance
 * that died move to the others once its leases lapse.
 */
public final class RecorderSupervisor {

    /*
     * Store outages: when Redis cannot be reached, running recordings go on (footage first; a stale recorder is
     * still stopped at index time by its fencing token) and no new camera is taken until it answers again.
     */
    private static final Logger log = LoggerFactory.getLogger(RecorderSupervisor.class);

    private final ScheduleRepository schedules;
    private final CameraCatalog catalog;
    private final LeaseStore leases;
    private final Recorders recorders;
    private final Clock clock;
    private final String instance;
    private final Duration leaseTtl;
    private final RecordingMode defaultMode;
    private final Map<CameraId, Running> running = new ConcurrentHashMap<>();
    private volatile List<CameraCatalog.Listed> knownCameras = List.of();
    private volatile Set<CameraId> soundKept = Set.of();
    private volatile boolean catalogSeen;
    private final AtomicInteger scheduled = new AtomicInteger();

    /** @param audio whether the run was started keeping the camera's sound */
    private record Running(long fence, Recorders.Recording recording, boolean audio) {
    }

    public RecorderSupervisor(ScheduleRepository schedules, CameraCatalog catalog, LeaseStore leases, Recorders recorders,
            Clock clock, String instance, Duration leaseTtl, RecordingMode defaultMode, MeterRegistry registry) {
        this.schedules = schedules;
        this.catalog = catalog;
        this.leases = leases;
        this.recorders = recorders;
        this.clock = clock;
        this.instance = instance;
        this.leaseTtl = leaseTtl;
        this.defaultMode = defaultMode;
        Gauge.builder("cctv.recording.cameras.recording", running, Map::size)
                .description("Cameras this instance records now").register(registry);
        Gauge.builder("cctv.recording.cameras.scheduled", scheduled, AtomicInteger::get)
                .description("Cameras whose schedule says record now (the same figure on every instance)").register(registry);
    }

    public String instance() {
        return instance;
    }

    /** The cameras this instance records now, with their fencing tokens. */
    public Map<CameraId, Long> recording() {
        return running.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().fence()));
    }

    public synchronized void tick() {
        Instant now = clock.instant();
        List<CameraId> wanted = wanted(now);
        scheduled.set(wanted.size());
        Set<CameraId> wantedSet = Set.copyOf(wanted);
        boolean storeUp = true;
        try {
            // Only an instance that can see the cameras counts towards the fair share; one that cannot would
            // otherwise hold a share it never records.
            if (catalogSeen) {
                leases.heartbeat(instance, leaseTtl);
            } else {
                leases.leave(instance);
            }
        } catch (RuntimeException e) {
            storeUp = false;
            log.warn("lease store unreachable: {}", e.toString());
        }
        for (Map.Entry<CameraId, Running> r : List.copyOf(running.entrySet())) {
            CameraId camera = r.getKey();
            if (!wantedSet.contains(camera)) {
                stop(camera, true);
                continue;
            }
            boolean audio = audioKept(camera);
            if (audio != r.getValue().audio()) {
                // Sound turned on, or off: off must stop it being recorded now, not at the next failure.
                log.info("camera {}: audio turned {}; starting a new recording run", camera, audio ? "on" : "off");
                r.getValue().recording().restart("audio turned " + (audio ? "on" : "off"));
                running.put(camera, new Running(r.getValue().fence(), r.getValue().recording(), audio));
            }
            if (storeUp) {
                try {
                    if (!leases.renew(camera, instance, r.getValue().fence(), leaseTtl)) {
                        log.warn("lease of camera {} was lost; stopping its recording", camera);
                        stop(camera, false);
                    }
                } catch (RuntimeException e) {
                    storeUp = false;
                }
            }
        }
        if (!storeUp) {
            return;
        }
        int live = Math.max(1, leases.liveInstances());
        int share = (wanted.size() + live - 1) / live;
        log.debug("tick: {} cameras to record, {} live instances, share {}, recording {}", wanted.size(), live, share,
                running.size());
        List<CameraId> candidates = new ArrayList<>(wanted);
        // Each instance prefers a different order, so free cameras spread instead of all going to the fastest.
        candidates.sort(Comparator.comparingInt(c -> (c.toString() + instance).hashCode()));
        if (running.size() > share && live > 1) {
            // More than a fair share (an instance joined): hand one camera back per tick, least preferred first.
            candidates.reversed().stream().filter(running::containsKey).findFirst().ifPresent(c -> {
                log.info("handing camera {} over to another instance ({} cameras here, fair share {})", c, running.size(), share);
                stop(c, true);
            });
            return;
        }
        for (CameraId camera : candidates) {
            if (running.size() >= share) {
                break;
            }
            if (running.containsKey(camera)) {
                continue;
            }
            OptionalLong fence = leases.acquire(camera, instance, leaseTtl);
            if (fence.isPresent()) {
                log.info("recording camera {} (fence {})", camera, fence.getAsLong());
                running.put(camera, new Running(fence.getAsLong(), recorders.start(camera, fence.getAsLong()),
                        audioKept(camera)));
            }
        }
    }

    private List<CameraId> wanted(Instant now) {
        try {
            knownCameras = catalog.cameras();
            soundKept = knownCameras.stream().filter(CameraCatalog.Listed::audio).map(CameraCatalog.Listed::id)
                    .collect(Collectors.toUnmodifiableSet());
            catalogSeen = true;
        } catch (CameraCatalog.CatalogUnavailableException e) {
            log.debug("camera catalog unavailable; using the last known cameras");
        }
        Map<CameraId, RecordingSchedule> byCamera = schedules.all().stream()
                .collect(Collectors.toMap(RecordingSchedule::camera, s -> s));
        return knownCameras.stream().map(CameraCatalog.Listed::id).filter(c -> byCamera.getOrDefault(c,
                new RecordingSchedule(c, defaultMode, List.of(), ZoneId.of("UTC"), null)).recordsAt(now)).toList();
    }

    private boolean audioKept(CameraId camera) {
        return soundKept.contains(camera);
    }

    private void stop(CameraId camera, boolean release) {
        Running r = running.remove(camera);
        if (r == null) {
            return;
        }
        r.recording().stop();
        if (release) {
            try {
                leases.release(camera, instance, r.fence());
            } catch (RuntimeException e) {
                log.debug("lease of camera {} not released ({}); it lapses by itself", camera, e.toString());
            }
        }
    }

    /** Stops every recording and gives up its leases. */
    public synchronized void close() {
        for (CameraId camera : List.copyOf(running.keySet())) {
            stop(camera, true);
        }
        try {
            leases.leave(instance);
        } catch (RuntimeException e) {
            log.debug("could not say this instance leaves ({}); its heartbeat lapses by itself", e.toString());
        }
    }
}
