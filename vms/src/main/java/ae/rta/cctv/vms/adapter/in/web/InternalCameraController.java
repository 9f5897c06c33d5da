package ae.rta.cctv.vms.adapter.in.web;

import ae.rta.cctv.vms.application.port.out.StreamProbe;
import ae.rta.cctv.vms.domain.StreamDescription;
import ae.rta.cctv.common.domain.AgencyCode;
import ae.rta.cctv.common.domain.CameraId;
import ae.rta.cctv.common.web.ProblemException;
import ae.rta.cctv.common.web.RequestValues;
import ae.rta.cctv.vms.application.CameraCatalog;
import ae.rta.cctv.vms.application.CameraHealthMonitor;
import ae.rta.cctv.vms.application.CameraStreams;
import ae.rta.cctv.vms.application.MilestoneSync;
import ae.rta.cctv.vms.application.port.out.CameraRepository;
import ae.rta.cctv.vms.domain.Camera;
import ae.rta.cctv.vms.domain.CameraEventKind;
import ae.rta.cctv.vms.domain.ReplayEndpoint;
import ae.rta.cctv.vms.domain.StreamEndpoint;
import ae.rta.cctv.common.domain.StreamVariant;
import java.net.URI;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Cameras for other services of the system; the public routes live in the api service. No answer here carries a
 * camera's credentials except {@code /stream}, which only services (recording, live) call, to pull the video.
 */
@RestController
class InternalCameraController {

    private final CameraCatalog catalog;
    private final CameraRepository repository;
    private final CameraStreams streams;
    private final CameraHealthMonitor health;
    private final MilestoneSync milestone;
    private final java.time.Clock clock;

    InternalCameraController(CameraCatalog catalog, CameraRepository repository, CameraStreams streams,
            CameraHealthMonitor health, MilestoneSync milestone, java.time.Clock clock) {
        this.clock = clock;
        this.catalog = catalog;
        this.repository = repository;
        this.streams = streams;
        this.health = health;
        this.milestone = milestone;
    }

    @GetMapping("/internal/cameras")
    Map<String, Object> list() {
        Map<CameraId, String> events = repository.eventsStates();
        Map<CameraId, String> audio = catalog.audioApprovals();
        List<Map<String, Object>> items = catalog.all().stream()
                .map(c -> view(c, events.get(c.id()), audio.get(c.id()))).toList();
        return Map.of("items", items, "total", items.size());
    }

    @GetMapping("/internal/cameras/{id}")
    Map<String, Object> get(@PathVariable String id) {
        return view(catalog.get(CameraId.parse(id)));
    }

    private Map<String, Object> view(Camera camera) {
        return view(camera, repository.eventsStates().get(camera.id()), catalog.audioApprovals().get(camera.id()));
    }

    /** @param approval required when {@code enabled}: the approval the camera's sound is kept under */
    record AudioSwitch(Boolean enabled, String approval) {
    }

    /** Turns a camera's audio on (with the approval it rests on) or off; the camera as it now is. */
    @PutMapping("/internal/cameras/{id}/audio")
    Map<String, Object> audio(@PathVariable String id, @RequestBody AudioSwitch body) {
        if (body == null || body.enabled() == null) {
            throw new IllegalArgumentException("enabled (true or false) is required");
        }
        Camera camera = catalog.get(CameraId.parse(id));
        catalog.setAudio(camera.id(), body.enabled(), body.approval(), clock.instant());
        return view(camera);
    }

    /**
     * What a connection test of a source found, before the camera is saved.
     *
     * @param reason why it cannot be used, in words; null when it answered with a video stream
     */
    record ConnectionTest(boolean reachable, String reason, String codec, String resolution, boolean audio,
            String audioCodec, String transport) {
    }

    @PostMapping("/internal/cameras/test-connection")
    ConnectionTest testConnection(@RequestBody CameraCatalog.SourceSpec source) {
        StreamProbe.Result result = health.test(catalog.candidate(source), source == null ? null : source.checkedTransport());
        StreamDescription d = result.description() == null ? StreamDescription.NONE : result.description();
        return new ConnectionTest(result.reachable(), result.reason(), d.videoCodec(), d.resolution(), d.audio(),
                d.audioCodec(), d.transport());
    }

    @PostMapping("/internal/cameras")
    ResponseEntity<Map<String, Object>> add(@RequestBody CameraCatalog.NewCamera body) {
        Camera camera = catalog.add(body);
        health.probeSoon(camera.id());
        return ResponseEntity.created(URI.create("/internal/cameras/" + camera.id())).body(view(camera, null, null));
    }

    @DeleteMapping("/internal/cameras/{id}")
    ResponseEntity<Void> remove(@PathVariable String id) {
        catalog.remove(CameraId.parse(id));
        return ResponseEntity.noContent().build();
    }

    /** Where to pull a camera's video: the URL carries its credentials, for FFmpeg. */
    @GetMapping("/internal/cameras/{id}/stream")
    Map<String, Object> stream(@PathVariable String id, @RequestParam(defaultValue = "main") String variant) {
        StreamVariant wanted = StreamVariant.parse(variant);
        Camera camera = catalog.get(CameraId.parse(id));
        StreamEndpoint endpoint = streams.endpoint(camera, wanted);
        StreamDescription d = health.description(camera.id()).orElse(StreamDescription.NONE);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("cameraId", camera.id().toString());
        body.put("variant", wanted.wireName());
        body.put("url", endpoint.urlWithCredentials());
        body.put("transport", catalog.transport(camera.id(), health.transport(camera.id()).orElse(null)));
        // Sound is pulled only where an administrator turned it on; audioCodec says whether it can be copied.
        body.put("audio", catalog.audioApprovals().containsKey(camera.id()));
        body.put("audioCodec", d.audioCodec());
        return body;
    }

    /**
     * Where to fetch a camera's upstream recordings of a range: RTSP URL (with credentials, for FFmpeg), the Range
     * header of the PLAY request, and whether requests need {@code Require: onvif-replay}. 409 when the camera's source
     * keeps no recordings this system can fetch; 502 when its upstream refuses or does not answer.
     */
    @GetMapping("/internal/cameras/{id}/replay")
    Map<String, Object> replay(@PathVariable String id, @RequestParam(required = false) String start,
            @RequestParam(required = false) String end) {
        Camera camera = catalog.get(CameraId.parse(id));
        Instant from = RequestValues.requiredInstant("start", start);
        Instant to = RequestValues.requiredInstant("end", end);
        if (!to.isAfter(from)) {
            throw new IllegalArgumentException("end must be after start");
        }
        ReplayEndpoint replay = streams.replay(camera, from, to).orElseThrow(() -> ProblemException.conflict("Camera "
                + camera.id() + " (" + camera.source().type() + ") has no upstream recordings this system can fetch: "
                + "replay comes from the demo simulator, or from an XProtect server whose Open Network Bridge ONVIF "
                + "service is configured (bridge-onvif) and offers the Replay service."));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("cameraId", camera.id().toString());
        body.put("url", replay.stream().urlWithCredentials());
        body.put("range", replay.rangeHeader());
        body.put("require", replay.onvifReplay() ? "onvif-replay" : null);
        body.put("transport", "auto");
        return body;
    }

    /**
     * Camera events in the order they were stored: status changes ({@code kind} STATUS, with {@code status} and
     * {@code reason}) and what cameras reported of their scene (MOTION, TAMPERING, with {@code active} and, in
     * {@code reason}, what the camera said). Followers poll with {@code after}; a timeline asks for a camera and a time
     * range.
     */
    @GetMapping("/internal/camera-events")
    Map<String, Object> events(@RequestParam(defaultValue = "0") long after, @RequestParam(defaultValue = "100") int limit,
            @RequestParam(required = false) String kind, @RequestParam(required = false) String camera,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        if (after < 0 || limit < 1 || limit > 1000) {
            throw new IllegalArgumentException("after must be >= 0 and limit 1 to 1000");
        }
        CameraEventKind wanted = null;
        if (kind != null && !kind.isBlank()) {
            try {
                wanted = CameraEventKind.valueOf(kind.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("kind must be status, motion or tampering");
            }
        }
        Instant start = from == null ? null : RequestValues.requiredInstant("from", from);
        Instant end = to == null ? null : RequestValues.requiredInstant("to", to);
        List<Map<String, Object>> items = repository.events(new CameraRepository.EventQuery(after, limit, wanted,
                camera == null ? null : CameraId.parse(camera), start, end)).stream().map(e -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", e.id());
            m.put("cameraId", e.camera().toString());
            m.put("agency", e.agency().value());
            m.put("kind", e.kind().name());
            m.put("status", e.status());
            m.put("active", e.active());
            m.put("reason", e.reason());
            m.put("at", e.at());
            return m;
        }).toList();
        return Map.of("items", items, "total", items.size());
    }

    record NewAgency(String code, String name, String nameAr) {
    }

    @PostMapping("/internal/agencies")
    ResponseEntity<Map<String, Object>> addAgency(@RequestBody NewAgency body) {
        AgencyCode code = catalog.addAgency(body.code(), body.name(), body.nameAr());
        return ResponseEntity.created(URI.create("/internal/agencies/" + code)).body(Map.of("code", code.value()));
    }

    @PostMapping("/internal/milestone/{server}/sync")
    Map<String, Object> sync(@PathVariable String server) {
        return report(milestone.sync(server));
    }

    @GetMapping("/internal/milestone/sync-reports")
    Map<String, Object> syncReports(@RequestParam(defaultValue = "20") int limit) {
        if (limit < 1 || limit > 500) {
            throw new IllegalArgumentException("limit must be 1 to 500");
        }
        List<Map<String, Object>> items = repository.syncReports(limit).stream().map(InternalCameraController::report).toList();
        return Map.of("items", items, "total", items.size());
    }

    private static Map<String, Object> report(CameraRepository.SyncReport r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("server", r.server());
        m.put("startedAt", r.startedAt());
        m.put("finishedAt", r.finishedAt());
        m.put("seen", r.seen());
        m.put("added", r.added());
        m.put("updated", r.updated());
        m.put("removed", r.removed());
        m.put("unchanged", r.unchanged());
        m.put("error", r.error());
        return m;
    }

    @GetMapping("/internal/agencies")
    Map<String, Object> agencies() {
        List<String> codes = repository.findAgencyCodes().stream().map(AgencyCode::value).toList();
        return Map.of("items", codes, "total", codes.size());
    }

    /**
     * @param events how the camera's event subscription stands, or null when it has none
     * @param audioApproval the approval its sound is kept under, or null when its audio is off
     */
    private Map<String, Object> view(Camera c, String events, String audioApproval) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", c.id().toString());
        m.put("name", c.name());
        m.put("nameAr", c.nameAr() == null ? "" : c.nameAr());
        m.put("agency", c.agency().value());
        m.put("status", c.status().name());
        m.put("statusReason", c.health().reason());
        m.put("lastSeen", c.health().lastSeen());
        StreamDescription d = health.description(c.id()).orElse(StreamDescription.NONE);
        m.put("codec", d.videoCodec());
        m.put("resolution", d.resolution());
        m.put("audio", d.audio());
        m.put("audioCodec", d.audioCodec());
        m.put("audioEnabled", audioApproval != null);
        m.put("audioApproval", audioApproval);
        m.put("transport", health.transport(c.id()).orElse(null));
        m.put("ptz", c.ptz());
        m.put("source", Map.of("type", c.source().type().name().toLowerCase(Locale.ROOT)));
        m.put("events", events);
        return m;
    }
}
