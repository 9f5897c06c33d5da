package ae.rta.cctv.playback.adapter.in.web;

import ae.rta.cctv.common.domain.CameraId;
import ae.rta.cctv.common.web.FileRanges;
import ae.rta.cctv.common.web.ProblemException;
import ae.rta.cctv.common.web.RequestValues;
import ae.rta.cctv.playback.application.Playback;
import ae.rta.cctv.playback.domain.Timeline;
import ae.rta.cctv.playback.domain.VodPlaylist;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
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

    /** @param grant the api's grant the answer's links name */
    @GetMapping("/internal/playback")
    Map<String, Object> answer(@RequestParam(required = false) String camera, @RequestParam(required = false) String start,
            @RequestParam(required = false) String end, @RequestParam(required = false) String grant) {
        Playback.Answer a = playback.answer(camera(camera), instant("start", start), instant("end", end),
                RequestValues.uuid("grant", grant));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("source", a.source().name());
        body.put("coverage", a.coverage());
        body.put("playlistUrl", a.playlistUrl());
        body.put("expiresAt", a.expiresAt());
        body.put("grant", a.grant().toString());
        if (!a.filling().isEmpty()) {
            body.put("filling", a.filling().stream().map(h -> Map.of("start", h.start(), "end", h.end())).toList());
        }
        return body;
    }

    @GetMapping("/internal/timeline")
    Map<String, Object> timeline(@RequestParam(required = false) String camera, @RequestParam(required = false) String start,
            @RequestParam(required = false) String end, @RequestParam(required = false) String resolution) {
        Timeline t = playback.timeline(camera(camera), instant("start", start), instant("end", end), duration(resolution));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("cameraId", camera);
        body.put("start", t.start());
        body.put("end", t.end());
        body.put("resolution", t.resolution().toString());
        body.put("coverage", Math.round(t.coverage() * 10_000) / 10_000.0);
        body.put("ranges", t.ranges().stream().map(r -> Map.of("start", r.start(), "end", r.end(), "imported", r.imported()))
                .toList());
        body.put("gaps", t.holes().stream().map(h -> Map.of("start", h.start(), "end", h.end(), "reason", h.reason())).toList());
        body.put("buckets", t.buckets());
        return body;
    }

    /** A VOD playlist over stored segments; open to any page, the signature is the credential. */
    @CrossOrigin(origins = "*")
    @GetMapping("/playback/v1/cameras/{camera}/vod.m3u8")
    ResponseEntity<String> playlist(@PathVariable String camera, @RequestParam(required = false) String start,
            @RequestParam(required = false) String end, @RequestParam(required = false) String grant,
            @RequestParam(required = false) Long expires, @RequestParam(required = false) String ticket,
            @RequestParam(required = false) String sig, HttpServletRequest request) {
        VodPlaylist.Rendered rendered = playback.playlist(camera(camera), instant("start", start), instant("end", end),
                new Playback.Presented(grant, expires, ticket, sig, request.getRemoteAddr()));
        return ResponseEntity.ok().contentType(PLAYLIST).cacheControl(CacheControl.noCache())
                .header("X-Cctv-Media-Seconds", Long.toString(rendered.mediaMillis() / 1000))
                .header("X-Cctv-Upstream-Seconds", Long.toString(rendered.filledMillis() / 1000))
                .body(rendered.text());
    }

    /** The playlist of a range fetched from upstream (EVENT while pieces are on their way, then VOD). */
    @CrossOrigin(origins = "*")
    @GetMapping("/playback/v1/cameras/{camera}/upstream.m3u8")
    ResponseEntity<String> upstreamPlaylist(@PathVariable String camera, @RequestParam(required = false) String start,
            @RequestParam(required = false) String end, @RequestParam(required = false) String grant,
            @RequestParam(required = false) Long expires, @RequestParam(required = false) String ticket,
            @RequestParam(required = false) String sig, HttpServletRequest request) {
        return ResponseEntity.ok().contentType(PLAYLIST).cacheControl(CacheControl.noCache())
                .body(playback.upstreamPlaylist(camera(camera), instant("start", start), instant("end", end),
                        new Playback.Presented(grant, expires, ticket, sig, request.getRemoteAddr())));
    }

    /** A file of a cached upstream piece (init section or segment), for a signed link. */
    @CrossOrigin(origins = "*")
    @GetMapping("/playback/v1/cache/{camera}/{piece}/{file}")
    void cachedFile(@PathVariable String camera, @PathVariable long piece, @PathVariable String file,
            @RequestParam(required = false) String grant, @RequestParam(required = false) Long expires,
            @RequestParam(required = false) String ticket, @RequestParam(required = false) String sig,
            HttpServletRequest request, HttpServletResponse response) throws java.io.IOException {
        java.nio.file.Path path = playback.cachedFile(camera(camera), piece, file,
                new Playback.Presented(grant, expires, ticket, sig, request.getRemoteAddr()));
        response.setHeader(org.springframework.http.HttpHeaders.CACHE_CONTROL, "max-age=3600");
        FileRanges.send(request, response, path, "video/mp4", null);
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

    /* An ISO-8601 duration (PT1M, PT15S) or a number of seconds. */
    private static java.time.Duration duration(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return value.chars().allMatch(Character::isDigit) && value.length() < 10
                    ? java.time.Duration.ofSeconds(Long.parseLong(value)) : java.time.Duration.parse(value);
        } catch (java.time.format.DateTimeParseException e) {
            throw ProblemException.badRequest("resolution must be an ISO-8601 duration such as PT1M, or a number of seconds.");
        }
    }

    private static Instant instant(String name, String value) {
        return RequestValues.requiredInstant(name, value);
    }
}
