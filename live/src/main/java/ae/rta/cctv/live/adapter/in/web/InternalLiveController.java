package ae.rta.cctv.live.adapter.in.web;

import ae.rta.cctv.live.application.LivePulls;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
class InternalLiveController {

    private final LivePulls pulls;

    InternalLiveController(LivePulls pulls) {
        this.pulls = pulls;
    }

    @GetMapping("/internal/pulls")
    Map<String, Object> pulls() {
        List<LivePulls.PullStatus> items = pulls.status();
        return Map.of("items", items, "total", items.size());
    }
}
