package ae.rta.cctv.live.adapter.in.web;

import ae.rta.cctv.live.application.LivePulls;
import ae.rta.cctv.live.application.WebRtcViewers;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
class InternalLiveController {

    private final LivePulls pulls;
    private final WebRtcViewers webrtc;

    InternalLiveController(LivePulls pulls, WebRtcViewers webrtc) {
        this.pulls = pulls;
        this.webrtc = webrtc;
    }

    /** WebRTC mountpoints on the Janus gateways, and their viewers. */
    @GetMapping("/internal/webrtc")
    Map<String, Object> webrtc() {
        List<WebRtcViewers.MountStatus> items = webrtc.status();
        return Map.of("enabled", webrtc.enabled(), "items", items, "total", items.size());
    }

    @GetMapping("/internal/pulls")
    Map<String, Object> pulls() {
        List<LivePulls.PullStatus> items = pulls.status();
        return Map.of("items", items, "total", items.size());
    }
}
