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
