package ae.rta.cctv.live.adapter.in.web;

import ae.rta.cctv.common.web.ProblemException;
import ae.rta.cctv.live.application.StreamAdmission;
import ae.rta.cctv.live.application.StreamAdmission.Admitted;
import ae.rta.cctv.live.application.WebRtcViewers;
import java.net.URI;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.CrossOrigin;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * WebRTC signalling for a live stream, relayed to the Janus gateway that serves the camera. The gateway offers
 * (its ICE candidates inline); the browser answers with its own, gathered completely; media then flows between
 * the two. Signed like the other viewer URLs, and open to any page: the signed URL is the credential.
 */
@RestController
@CrossOrigin(origins = "*", exposedHeaders = "Location")
class WebRtcController {

    static final int MAX_SDP_CHARS = 64 * 1024;

    private final StreamAdmission admission;
    private final WebRtcViewers viewers;

    WebRtcController(StreamAdmission admission, WebRtcViewers viewers) {
        this.admission = admission;
        this.viewers = viewers;
    }

    /** The browser's answer (or any SDP) as it is posted. */
    record Sdp(String type, String sdp) {
    }

    @PostMapping("/live/v1/streams/{reservation}/webrtc")
    ResponseEntity<Map<String, String>> offer(@PathVariable String reservation,
            @RequestParam(required = false) String variant, @RequestParam(required = false) String sig) {
        Admitted admitted = admission.admit(reservation, variant, sig);
        WebRtcViewers.Offer offer = viewers.watch(admitted);
        URI location = URI.create("/live/v1/streams/" + reservation + "/webrtc/" + offer.viewer() + "?"
                + admitted.viewerQuery(sig));
        return ResponseEntity.created(location).body(Map.of("id", offer.viewer(), "type", "offer", "sdp", offer.sdp()));
    }

    @PostMapping("/live/v1/streams/{reservation}/webrtc/{viewer}")
    ResponseEntity<Void> answer(@PathVariable String reservation, @PathVariable String viewer,
            @RequestParam(required = false) String variant, @RequestParam(required = false) String sig,
            @RequestBody(required = false) Sdp answer) {
        admission.admit(reservation, variant, sig);
        if (answer == null || !"answer".equals(answer.type())) {
            throw ProblemException.badRequest("The body must be the browser's answer: {\"type\":\"answer\",\"sdp\":\"v=0...\"}.");
        }
        if (answer.sdp() == null || !answer.sdp().startsWith("v=0") || answer.sdp().length() > MAX_SDP_CHARS) {
            throw ProblemException.badRequest("sdp must be a session description (starting v=0) of at most "
                    + MAX_SDP_CHARS + " characters.");
        }
        viewers.answer(reservation, viewer, answer.sdp());
        return ResponseEntity.noContent().build();
    }

    @DeleteMapping("/live/v1/streams/{reservation}/webrtc/{viewer}")
    ResponseEntity<Void> hangup(@PathVariable String reservation, @PathVariable String viewer,
            @RequestParam(required = false) String variant, @RequestParam(required = false) String sig) {
        admission.admit(reservation, variant, sig);
        viewers.hangup(reservation, viewer);
        return ResponseEntity.noContent().build();
    }
}
