package ae.rta.cctv.api.adapter.in.web;

import ae.rta.cctv.api.application.PlaybackControl;
import ae.rta.cctv.api.application.RequestOrigin;
import ae.rta.cctv.api.domain.Caller;
import ae.rta.cctv.common.domain.CameraId;
import io.swagger.v3.oas.annotations.Operation;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class PlaybackController {

    private final PlaybackControl playback;

    PlaybackController(PlaybackControl playback) {
        this.playback = playback;
    }

    @Operation(summary = "A camera's timeline for a day or a week",
            description = "ranges (recorded, merged), gaps (with the recorder's reason, or 'not recorded'), and buckets: "
                    + "the recorded share (0..1) of each bucket of resolution from start (ISO-8601 duration such as PT1M "
                    + "or seconds; default about 1,440 buckets). At most 31 days and 20,000 buckets.")
    @GetMapping("/api/v1/cameras/{id}/timeline")
    Map<String, Object> timeline(Caller caller, @org.springframework.web.bind.annotation.PathVariable String id,
            @RequestParam(required = false) String start, @RequestParam(required = false) String end,
            @RequestParam(required = false) String resolution) {
        if (start == null || end == null) {
            throw new IllegalArgumentException("start and end are required");
        }
        return playback.timeline(caller, CameraId.parse(id), Params.instant("start", start), Params.instant("end", end),
                resolution);
    }

    @Operation(summary = "Play a recorded range (audited)",
            description = "source LOCAL when stored footage covers at least 80% of the range (configurable): playlistUrl "
                    + "is a signed HLS VOD playlist of the stored segments themselves (byte ranges, no transmux), with "
                    + "PROGRAM-DATE-TIME on every segment; time without footage is left out. At most 24 h (configurable).")
    @GetMapping("/api/v1/playback")
    Map<String, Object> play(Caller caller, @RequestParam(required = false) String cameraId,
            @RequestParam(required = false) String start, @RequestParam(required = false) String end, RequestOrigin origin) {
        if (cameraId == null || start == null || end == null) {
            throw new IllegalArgumentException("cameraId, start and end are required");
        }
        return playback.play(caller, CameraId.parse(cameraId), Params.instant("start", start), Params.instant("end", end),
                origin);
    }
}
