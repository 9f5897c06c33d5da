package ae.rta.cctv.storage.adapter.in.web;

import ae.rta.cctv.common.domain.CameraId;
import ae.rta.cctv.common.domain.TimeRange;
import ae.rta.cctv.common.web.ProblemException;
import ae.rta.cctv.common.web.RequestValues;
import ae.rta.cctv.storage.application.FootageImport;
import ae.rta.cctv.storage.application.Recordings;
import ae.rta.cctv.storage.application.SegmentIngest;
import ae.rta.cctv.storage.application.port.out.ObjectStore;
import ae.rta.cctv.storage.application.port.out.SegmentIndex;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Segments in and recordings out, for the recording, playback and api services. */
@RestController
class InternalSegmentController {

    private final SegmentIngest ingest;
    private final SegmentIndex index;
    private final Recordings recordings;
    private final ObjectStore store;
    private final FootageImport footageImport;
    private final ae.rta.cctv.storage.adapter.out.filesystem.MediaSigner media;

    InternalSegmentController(SegmentIngest ingest, SegmentIndex index, Recordings recordings, ObjectStore store,
            FootageImport footageImport, ae.rta.cctv.storage.adapter.out.filesystem.MediaSigner media) {
        this.footageImport = footageImport;
        this.media = media;
        this.ingest = ingest;
        this.index = index;
        this.recordings = recordings;
        this.store = store;
    }

    /** A finished segment: the body is the fragmented MP4 itself, streamed. */
    @PutMapping("/internal/cameras/{camera}/segments")
    ResponseEntity<Map<String, Object>> put(@PathVariable String camera, @RequestParam String start,
            @RequestParam(required = false) String sha256, @RequestParam String recorder, @RequestParam long fence,
            HttpServletRequest request) throws IOException {
        SegmentIngest.Stored stored = ingest.ingest(new SegmentIngest.Upload(CameraId.parse(camera), instant("start", start),
                sha256, recorder, fence), request.getInputStream());
        return ResponseEntity.status(stored.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .location(URI.create("/internal/segments/" + stored.segment().id())).body(view(stored.segment()));
    }

    /** A recording to import: the body is the file itself (MP4 or MPEG-TS with H.264), streamed. */
    @PostMapping("/internal/cameras/{camera}/recordings/import")
    ResponseEntity<Map<String, Object>> importFile(@PathVariable String camera, @RequestParam String start,
            HttpServletRequest request) throws IOException {
        String type = request.getContentType() == null ? "" : request.getContentType();
        if (!type.startsWith("video/mp4") && !type.startsWith("video/mp2t")) {
            throw new ProblemException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported Media Type",
                    "Send the file with Content-Type video/mp4 or video/mp2t.");
        }
        FootageImport.Imported imported = footageImport.importFile(CameraId.parse(camera), instant("start", start),
                request.getInputStream());
        return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("segments", imported.segments(),
                "start", imported.start(), "end", imported.end()));
    }

    record NewGap(String cameraId, String start, String end, String reason) {
    }

    @PostMapping("/internal/gaps")
    ResponseEntity<Void> gap(@RequestBody NewGap body) {
        if (body.reason() == null || body.reason().isBlank() || body.reason().length() > 200
                || body.reason().chars().anyMatch(c -> c == 0)) {
            throw new IllegalArgumentException("reason must be 1 to 200 characters");
        }
        TimeRange range = new TimeRange(instant("start", body.start()), instant("end", body.end()));
        index.addGap(new SegmentIndex.Gap(CameraId.parse(body.cameraId()), range.start(), range.end(), body.reason()));
        return ResponseEntity.status(HttpStatus.CREATED).build();
    }

    @GetMapping("/internal/cameras/{camera}/recordings")
    Map<String, Object> recordings(@PathVariable String camera, @RequestParam String start, @RequestParam String end) {
        Recordings.Summary summary = recordings.summary(CameraId.parse(camera),
                new TimeRange(instant("start", start), instant("end", end)));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("ranges", summary.ranges().stream().map(r -> Map.of("start", r.start(), "end", r.end(),
                "imported", r.imported())).toList());
        body.put("coverage", Math.round(summary.coverage() * 10_000) / 10_000.0);
        body.put("gaps", summary.gaps().stream().map(g -> Map.of("start", g.start(), "end", g.end(), "reason", g.reason()))
                .toList());
        return body;
    }

    @GetMapping("/internal/cameras/{camera}/segments")
    Map<String, Object> segments(@PathVariable String camera, @RequestParam String start, @RequestParam String end) {
        TimeRange range = new TimeRange(instant("start", start), instant("end", end));
        if (range.duration().compareTo(Recordings.MAX_QUERY) > 0) {
            throw new IllegalArgumentException("a segments query may span at most 31 days");
        }
        List<Map<String, Object>> items = index.segments(CameraId.parse(camera), range.start(), range.end()).stream()
                .map(InternalSegmentController::view).toList();
        return Map.of("items", items, "total", items.size());
    }

    /**
     * Everything a player needs to play a range from stored footage, in one answer: the overlapping segments (as
     * {@code /internal/segments/{id}} shows them) with signed links to the whole object valid for {@code ttlSeconds}
     * (for services reading footage themselves), {@code mediaUrl} (the unsigned link playback signs players' byte
     * ranges of), each with its fragments as {@code [offsetMs, durationMs, byteOffset, size, keyframe(0|1)]}
     * (compact: an hour is thousands of them), and the recorded gaps.
     */
    @GetMapping("/internal/cameras/{camera}/playable")
    Map<String, Object> playable(@PathVariable String camera, @RequestParam String start, @RequestParam String end,
            @RequestParam(defaultValue = "3600") long ttlSeconds) {
        TimeRange range = new TimeRange(instant("start", start), instant("end", end));
        if (range.duration().compareTo(Recordings.MAX_QUERY) > 0) {
            throw new IllegalArgumentException("a playable query may span at most 31 days");
        }
        if (ttlSeconds < 1 || ttlSeconds > 86_400) {
            throw new IllegalArgumentException("ttlSeconds must be 1 to 86400");
        }
        CameraId id = CameraId.parse(camera);
        List<SegmentIndex.IndexedSegment> segments = index.segments(id, range.start(), range.end());
        Map<Long, List<ae.rta.cctv.common.media.Fmp4.Fragment>> fragments =
                index.fragments(segments.stream().map(SegmentIndex.IndexedSegment::id).toList());
        List<Map<String, Object>> items = new java.util.ArrayList<>(segments.size());
        for (SegmentIndex.IndexedSegment s : segments) {
            Map<String, Object> m = view(s);
            m.put("url", store.signedUrl(s.objectKey(), Duration.ofSeconds(ttlSeconds)).toString());
            m.put("mediaUrl", media.unsigned(s.objectKey()));
            m.put("fragments", fragments.getOrDefault(s.id(), List.of()).stream()
                    .map(f -> new long[] {f.offsetMs(), f.durationMs(), f.byteOffset(), f.size(), f.keyframe() ? 1 : 0})
                    .toList());
            items.add(m);
        }
        return Map.of("segments", items, "gaps", index.gaps(id, range.start(), range.end()).stream()
                .map(g -> Map.of("start", g.start(), "end", g.end(), "reason", g.reason())).toList());
    }

    /** One segment with its fragments and a signed link to read it. */
    @GetMapping("/internal/segments/{id}")
    Map<String, Object> segment(@PathVariable long id, @RequestParam(defaultValue = "300") long ttlSeconds) {
        SegmentIndex.IndexedSegment s = index.segment(id)
                .orElseThrow(() -> ProblemException.notFound("No segment has id " + id + "."));
        if (ttlSeconds < 1 || ttlSeconds > 86_400) {
            throw new IllegalArgumentException("ttlSeconds must be 1 to 86400");
        }
        Map<String, Object> body = view(s);
        body.put("url", store.signedUrl(s.objectKey(), Duration.ofSeconds(ttlSeconds)).toString());
        body.put("fragments", index.fragments(id).stream().map(f -> Map.of("seq", f.seq(), "offsetMs", f.offsetMs(),
                "durationMs", f.durationMs(), "byteOffset", f.byteOffset(), "size", f.size(), "keyframe", f.keyframe())).toList());
        return body;
    }

    static Map<String, Object> view(SegmentIndex.IndexedSegment s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", s.id());
        m.put("cameraId", s.camera().toString());
        m.put("start", s.start());
        m.put("end", s.end());
        m.put("bytes", s.bytes());
        m.put("sha256", s.sha256());
        m.put("codec", s.codec());
        m.put("width", s.width());
        m.put("height", s.height());
        m.put("initSize", s.initSize());
        m.put("store", s.store());
        m.put("objectKey", s.objectKey());
        m.put("recorder", s.recorder());
        m.put("fence", s.fencingToken());
        m.put("imported", s.imported());
        if (s.decode() != null) {
            m.put("decode", Map.of("timescale", s.decode().timescale(), "first", s.decode().first(), "end", s.decode().end()));
        }
        return m;
    }

    static Instant instant(String name, String value) {
        return RequestValues.requiredInstant(name, value);
    }
}
