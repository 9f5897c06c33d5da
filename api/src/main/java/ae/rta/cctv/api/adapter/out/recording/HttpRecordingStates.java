package ae.rta.cctv.api.adapter.out.recording;

import ae.rta.cctv.api.application.port.out.RecordingStates;
import ae.rta.cctv.common.domain.CameraId;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.web.client.RestClient;

/**
 * Storage's recording activity (what landed lately) and the recording service's schedules (what should be recorded
 * now), read in one refresh every {@code refreshAfter} and held in memory: a camera list costs no call, and an outage
 * of either serves the last known states for up to {@code staleFor}.
 */
public final class HttpRecordingStates implements RecordingStates {

    record ActivityJson(String cameraId, boolean recording, Instant lastSegmentEnd, String codec, int width, int height,
            Instant lastGapEnd, String lastGapReason) {
    }

    record ActivityListJson(Instant at, List<ActivityJson> items) {
    }

    record ScheduleJson(String cameraId, String mode, boolean recordsNow) {
    }

    record SchedulesJson(String defaultMode, Instant at, List<ScheduleJson> items) {
    }

    private record Snapshot(Map<CameraId, State> states, State unknown) {
    }

    private final RestClient storage;
    private final RestClient recording;
    private final ae.rta.cctv.api.adapter.out.http.HeldSnapshot<Snapshot> snapshot;

    public HttpRecordingStates(RestClient storage, RestClient recording, Duration refreshAfter, Duration staleFor) {
        this.storage = storage;
        this.recording = recording;
        this.snapshot = new ae.rta.cctv.api.adapter.out.http.HeldSnapshot<>(this::load, refreshAfter, staleFor);
    }

    @Override
    public Map<CameraId, State> all() {
        return current().states();
    }

    @Override
    public State unknownCamera() {
        return current().unknown();
    }

    private Snapshot current() {
        try {
            return snapshot.get();
        } catch (RuntimeException e) {
            throw new UnavailableException("storage or the recording service did not answer", e);
        }
    }



    private Snapshot load() {
        ActivityListJson activity = storage.get().uri("/internal/recording-activity").retrieve().body(ActivityListJson.class);
        SchedulesJson schedules = recording.get().uri("/internal/schedules").retrieve().body(SchedulesJson.class);
        if (activity == null || activity.items() == null || schedules == null || schedules.items() == null) {
            throw new IllegalStateException("storage or the recording service answered an empty body");
        }
        boolean defaultRecords = !"OFF".equals(schedules.defaultMode());
        Map<CameraId, ScheduleJson> byCamera = new HashMap<>();
        schedules.items().forEach(s -> byCamera.put(CameraId.parse(s.cameraId()), s));
        Map<CameraId, State> states = new HashMap<>();
        for (ActivityJson a : activity.items()) {
            CameraId camera = CameraId.parse(a.cameraId());
            ScheduleJson s = byCamera.get(camera);
            states.put(camera, new State(a.recording(), s == null ? defaultRecords : s.recordsNow(),
                    s == null ? schedules.defaultMode() : s.mode(), a.lastSegmentEnd(), a.lastGapReason(), a.codec(),
                    a.width(), a.height()));
        }
        for (ScheduleJson s : schedules.items()) {
            states.putIfAbsent(CameraId.parse(s.cameraId()), new State(false, s.recordsNow(), s.mode(), null, null, null, 0, 0));
        }
        return new Snapshot(Map.copyOf(states), new State(false, defaultRecords, schedules.defaultMode(), null, null, null, 0, 0));
    }
}
