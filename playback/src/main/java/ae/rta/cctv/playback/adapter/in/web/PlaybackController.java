package ae.rta.cctv.playback.adapter.in.web;

import ae.rta.cctv.common.domain.CameraId;
import ae.rta.cctv.common.web.ProblemException;
import ae.rta.cctv.common.web.RequestValues;
import ae.rta.cctv.playback.application.Playback;
import ae.rta.cctv.playback.domain.VodPlaylist;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.CrossOrigin;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The api's question (internal) and the players' playlists (public, signed). */
@RestController
class PlaybackController {

    private static final MediaType PLAYLIST = MediaType.parseMediaType("application/vnd.apple.mpegurl");

    private final Playback playback;

    PlaybackController(Playback playback) {
        this.playback = playback;
    }

    @GetMapping("/internal/playback")
    Map<String, Object> answer(@RequestParam(required = false) String camera, @RequestParam(required = false) String start,
            @RequestParam(required = false) String end) {
        Playback.Answer a = playback.answer(camera(camera), instant("start", start), instant("end", end));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("source", a.source().name());
        body.put("coverage", a.coverage());
        body.put("playlistUrl", a.playlistUrl());
        body.put("expiresAt", a.expiresAt());
        return body;
    }

    /** A VOD playlist over stored segments; open to any page, the signature is the credential. */
    @CrossOrigin(origins = "*")
    @GetMapping("/playback/v1/cameras/{camera}/vod.m3u8")
    ResponseEntity<String> playlist(@PathVariable String camera, @RequestParam(required = false) String start,
            @RequestParam(required = false) String end, @RequestParam(required = false) Long expires,
            @RequestParam(required = false) String sig) {
        if (expires == null) {
            throw ProblemException.forbidden("The playlist URL lacks its expiry: use the URL GET /api/v1/playback returned.");
        }
        VodPlaylist.Rendered rendered = playback.playlist(camera(camera), instant("start", start), instant("end", end),
                expires, sig);
        return ResponseEntity.ok().contentType(PLAYLIST).cacheControl(CacheControl.noCache())
                .header("X-Cctv-Media-Seconds", Long.toString(rendered.mediaMillis() / 1000))
                .body(rendered.text());
    }

    private static CameraId camera(String id) {
        if (id == null) {
            throw ProblemException.badRequest("camera is required.");
        }
        try {
            return CameraId.parse(id);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("camera must be a camera id (a UUID).");
        }
    }

    private static Instant instant(String name, String value) {
        return RequestValues.requiredInstant(name, value);
    }
}
