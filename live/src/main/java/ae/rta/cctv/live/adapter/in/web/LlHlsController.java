package ae.rta.cctv.live.adapter.in.web;

import ae.rta.cctv.common.web.ProblemException;
import ae.rta.cctv.live.application.LivePulls;
import ae.rta.cctv.live.application.StreamAdmission;
import ae.rta.cctv.live.application.StreamAdmission.Admitted;
import ae.rta.cctv.live.domain.LlHlsWindow;
import ae.rta.cctv.live.domain.LlHlsWindow.Availability;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.async.DeferredResult;

/**
 * Low-Latency HLS for players without Media Source Extensions (iOS Safari): a media playlist with partial segments,
 * blocking playlist reload ({@code _HLS_msn}, {@code _HLS_part}) and preload hints, all signed like the WebSocket
 * URL. Waiting requests hold no thread.
 */
@RestController
class LlHlsController {

    private static final MediaType PLAYLIST = MediaType.parseMediaType("application/vnd.apple.mpegurl");
    private static final MediaType MP4 = MediaType.parseMediaType("video/mp4");

    private final StreamAdmission admission;
    private final LivePulls pulls;
    private final Duration blockTimeout;

    LlHlsController(StreamAdmission admission, LivePulls pulls, ae.rta.cctv.live.LiveSettings settings) {
        this.admission = admission;
        this.pulls = pulls;
        this.blockTimeout = settings.maxSegment().multipliedBy(3); // RFC 8216bis: three target durations
    }

    private record Watch(Admitted admitted, LlHlsWindow window, String query) {
    }

    private Watch watch(String reservation, String variant, String sig) {
        Admitted admitted = admission.admit(reservation, variant, sig);
        return new Watch(admitted, pulls.hls(admitted.key(), reservation), admitted.viewerQuery(sig));
    }

    @GetMapping("/live/v1/streams/{reservation}/index.m3u8")
    DeferredResult<ResponseEntity<?>> playlist(@PathVariable String reservation,
            @RequestParam(required = false) String variant, @RequestParam(required = false) String sig,
            @RequestParam(name = "_HLS_msn", required = false) Long msn,
            @RequestParam(name = "_HLS_part", required = false) Integer part) {
        Watch w = watch(reservation, variant, sig);
        if (part != null && msn == null) {
            throw ProblemException.badRequest("_HLS_part needs _HLS_msn");
        }
        if ((msn != null && msn < 0) || (part != null && part < 0)) {
            throw ProblemException.badRequest("_HLS_msn and _HLS_part cannot be negative");
        }
        long wantMsn = msn != null ? msn : 0;
        int wantPart = msn != null ? (part != null ? part : -1) : 0;
        if (msn == null && w.window().started()) {
            wantMsn = -1; // not blocking and something to list: answer at once
        }
        return deferred(w.window(), wantMsn, wantPart, () -> {
            if (!w.window().started()) {
                throw ProblemException.unavailable("The camera's stream has not started yet; try again shortly.");
            }
            return ResponseEntity.ok().contentType(PLAYLIST).cacheControl(CacheControl.noCache())
                    .header("Access-Control-Allow-Origin", "*").body(w.window().playlist(w.query()));
        });
    }

    @GetMapping("/live/v1/streams/{reservation}/init/{generation}.mp4")
    ResponseEntity<byte[]> init(@PathVariable String reservation, @PathVariable int generation,
            @RequestParam(required = false) String variant, @RequestParam(required = false) String sig) {
        Watch w = watch(reservation, variant, sig);
        return media(w.window().init(generation).map(i -> i.bytes().duplicate()));
    }

    @GetMapping("/live/v1/streams/{reservation}/part/{msn:\\d+}.{part:\\d+}.m4s")
    DeferredResult<ResponseEntity<?>> part(@PathVariable String reservation, @PathVariable long msn,
            @PathVariable int part, @RequestParam(required = false) String variant,
            @RequestParam(required = false) String sig) {
        Watch w = watch(reservation, variant, sig);
        return deferred(w.window(), msn, part, () -> media(w.window().part(msn, part)));
    }

    @GetMapping("/live/v1/streams/{reservation}/seg/{msn:\\d+}.m4s")
    ResponseEntity<byte[]> segment(@PathVariable String reservation, @PathVariable long msn,
            @RequestParam(required = false) String variant, @RequestParam(required = false) String sig) {
        Watch w = watch(reservation, variant, sig);
        return media(w.window().segment(msn));
    }

    private DeferredResult<ResponseEntity<?>> deferred(LlHlsWindow window, long msn, int part,
            Supplier<ResponseEntity<?>> answer) {
        DeferredResult<ResponseEntity<?>> result = new DeferredResult<>(blockTimeout.toMillis());
        result.onTimeout(() -> result.setErrorResult(
                ProblemException.unavailable("What the request waits for did not arrive in time; reload the playlist.")));
        if (msn < 0) {
            complete(result, answer);
            return result;
        }
        if (window.playlistHas(msn, part) == Availability.UNAVAILABLE) {
            throw ProblemException.badRequest("_HLS_msn is more than two segments ahead of the playlist, or gone.");
        }
        window.await(msn, part, () -> complete(result, answer));
        return result;
    }

    private static void complete(DeferredResult<ResponseEntity<?>> result, Supplier<ResponseEntity<?>> answer) {
        try {
            result.setResult(answer.get());
        } catch (ProblemException e) {
            result.setErrorResult(e);
        }
    }

    private static ResponseEntity<byte[]> media(Optional<ByteBuffer> bytes) {
        ByteBuffer b = bytes.orElseThrow(() -> ProblemException.notFound("That part of the live stream is not (or no longer) held."));
        byte[] body = new byte[b.remaining()];
        b.get(body);
        return ResponseEntity.ok().contentType(MP4).cacheControl(CacheControl.maxAge(Duration.ofMinutes(1)))
                .header("Access-Control-Allow-Origin", "*").body(body);
    }
}
