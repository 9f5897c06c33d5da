package ae.rta.cctv.storage.adapter.in.web;

import ae.rta.cctv.storage.application.Recordings;
import ae.rta.cctv.storage.domain.RecordingActivity;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Which cameras have footage landing now, for the api's camera list ({@code recording}, codec, resolution). */
@RestController
class InternalActivityController {

    /* A finished segment is sealed, uploaded and indexed within this much of its end when the recorder is healthy. */
    private static final Duration SLACK = Duration.ofSeconds(30);

    private final Recordings recordings;
    private final Clock clock;

    InternalActivityController(Recordings recordings, Clock clock) {
        this.recordings = recordings;
        this.clock = clock;
    }

    /**
     * One camera's recent footage.
     *
     * @param recording whether segments are landing: the newest ended no longer ago than its own length and 30 s
     * @param lastSegmentEnd null when no recorded segment ended in the last 30 minutes
     * @param lastGapReason why the newest gap of the last 30 minutes is there, or null
     */
    record Activity(String cameraId, boolean recording, Instant lastSegmentEnd, String codec, int width, int height,
            Instant lastGapEnd, String lastGapReason) {
    }

    record ActivityList(Instant at, List<Activity> items) {
    }

    @GetMapping("/internal/recording-activity")
    ActivityList activity() {
        Instant now = clock.instant();
        return new ActivityList(now, recordings.activity(now).stream().map(a -> view(a, now)).toList());
    }

    private static Activity view(RecordingActivity a, Instant now) {
        return new Activity(a.camera().toString(), a.landing(now, SLACK), a.lastSegmentEnd(), a.codec(), a.width(),
                a.height(), a.lastGapEnd(), a.lastGapReason());
    }
}
