package ae.rta.cctv.api.adapter.in.web;

import ae.rta.cctv.api.application.CameraAdministration;
import ae.rta.cctv.api.application.CameraRecording;
import ae.rta.cctv.api.application.RequestOrigin;
import java.time.Instant;
import ae.rta.cctv.api.application.VisibleCameras;
import ae.rta.cctv.api.application.port.out.CameraDirectory;
import ae.rta.cctv.api.application.port.out.CameraDirectory.CameraSummary;
import ae.rta.cctv.api.domain.Caller;
import ae.rta.cctv.common.domain.CameraId;
import io.swagger.v3.oas.annotations.Operation;
import java.net.URI;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import java.util.Map;
import java.util.Set;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class CameraController {

    private static final Set<String> STATUSES = Set.of("ONLINE", "OFFLINE", "UNKNOWN");

    private final VisibleCameras cameras;
    private final CameraAdministration administration;
    private final CameraRecording recording;

    CameraController(VisibleCameras cameras, CameraAdministration administration, CameraRecording recording) {
        this.cameras = cameras;
        this.administration = administration;
        this.recording = recording;
    }

    record NewCamera(String name, String nameAr, String agency, Boolean ptz, Map<String, Object> source) {
    }

    record Source(String type) {
    }

    /**
     * @param statusReason why it is not ONLINE, null when it is
     * @param recording true only while its segments land in storage
     * @param recordingReason why it is not recording, null while it is
     * @param codec its video codec ({@code H.264}, {@code H.265}): of its newest recorded segment, else what the
     *     camera last said when probed; null when neither is known
     * @param resolution {@code WIDTHxHEIGHT}, from the same place, or null
     * @param audio whether the camera's stream has an audio track (kept only where an administrator turned it on)
     * @param audioCodec the audio track's codec ({@code AAC}, {@code G.711 A-law}), or null
     * @param audioEnabled whether its sound is kept: recorded, played live and back, exported (off by default)
     * @param audioApproval the approval the sound is kept under, null while it is off
     * @param transport how the camera serves its media, as its probes found: {@code tcp}, or {@code udp} when it
     *     refuses interleaved TCP; null until asked
     */
    record CameraView(String id, String name, String nameAr, String agency, String status, String statusReason,
            Instant lastSeenAt, boolean ptz, boolean recording, String recordingReason, String codec, String resolution,
            boolean audio, String audioCodec, boolean audioEnabled, String audioApproval, String transport,
            Source source) {
        static CameraView of(CameraSummary c, CameraRecording.Status r) {
            return new CameraView(c.id().toString(), c.name(), c.nameAr(), c.agency().value(), c.status(),
                    c.statusReason(), c.lastSeenAt(), c.ptz(), r.recording(), r.reason(),
                    r.codec() != null ? r.codec() : c.stream().codec(),
                    r.resolution() != null ? r.resolution() : c.stream().resolution(), c.stream().audio(),
                    c.stream().audioCodec(), c.audioEnabled(), c.audioApproval(), c.stream().transport(),
                    new Source(c.sourceType()));
        }
    }

    record TestConnection(Map<String, Object> source) {
    }

    /** @param reason why the source cannot be used, in words; null when it answered with a video stream */
    record ConnectionTestView(boolean reachable, String reason, String codec, String resolution, boolean audio,
            String audioCodec, String transport) {
    }

    @Operation(summary = "Test a camera source before saving it (ADMIN; audited as CAMERA_TEST)",
            description = "Body {\"source\": as in POST /api/v1/cameras}. Probes it as the health monitor would and says "
                    + "what it found: reachable, reason in words, codec, resolution, audio. Nothing is saved.")
    @PostMapping("/api/v1/cameras/test-connection")
    ConnectionTestView testConnection(Caller caller, @RequestBody TestConnection body, RequestOrigin origin) {
        if (body == null || body.source() == null) {
            throw new IllegalArgumentException("source is required");
        }
        CameraDirectory.ConnectionTest t = administration.testConnection(caller, body.source(), origin);
        return new ConnectionTestView(t.reachable(), t.reason(), t.stream().codec(), t.stream().resolution(),
                t.stream().audio(), t.stream().audioCodec(), t.stream().transport());
    }

    private CameraView view(CameraSummary c) {
        return CameraView.of(c, recording.of(c, recording.snapshot()));
    }

    @Operation(summary = "Cameras the caller may see (non-admins: their own agency only)")
    @GetMapping("/api/v1/cameras")
    Map<String, Object> list(Caller caller, @RequestParam(required = false) String agency,
            @RequestParam(required = false) String q, @RequestParam(required = false) String status,
            @RequestParam(required = false) String group,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "100") int size) {
        Paging paging = new Paging(page, size);
        String wantedStatus = Params.text("status", status, 16);
        if (wantedStatus != null && !STATUSES.contains(wantedStatus)) {
            throw new IllegalArgumentException("status must be one of " + STATUSES);
        }
        List<CameraSummary> found = cameras.list(caller, Params.agency(agency), Params.text("q", q, 200), wantedStatus,
                group == null || group.isBlank() ? null : java.util.UUID.fromString(Params.text("group", group, 36)).toString());
        Map<CameraId, ae.rta.cctv.api.application.port.out.RecordingStates.State> states = recording.snapshot();
        return Paging.list(paging.slice(found).stream().map(c -> CameraView.of(c, recording.of(c, states))).toList(),
                found.size(), paging);
    }

    @Operation(summary = "Add a camera (ADMIN; audited)",
            description = "source: {\"type\":\"rtsp\",\"url\",\"subUrl\"?,\"username\"?,\"password\"?,\"transport\"?: "
                    + "auto|tcp|udp|http (RTSP tunnelled over HTTP to the URL's host and port)}. URLs must be "
                    + "rtsp:// or rtsps://, without credentials, and not point at a denied address. Credentials are stored "
                    + "encrypted and never returned.")
    @PostMapping("/api/v1/cameras")
    ResponseEntity<CameraView> add(Caller caller, @RequestBody NewCamera body, RequestOrigin origin) {
        CameraSummary added = administration.add(caller, new CameraDirectory.NewCamera(body.name(), body.nameAr(),
                body.agency(), body.ptz(), body.source()), origin);
        return ResponseEntity.created(URI.create("/api/v1/cameras/" + added.id())).body(view(added));
    }

    /** @param approval the approval keeping the camera's sound rests on; required when {@code enabled} */
    record AudioSwitch(Boolean enabled, String approval) {
    }

    @Operation(summary = "Turn a camera's sound on or off (ADMIN; audited as CAMERA_CHANGE)",
            description = "Body {\"enabled\": true|false, \"approval\": \"RTA-PRIV-2026-0142\"}. Sound is off by "
                    + "default: Dubai's rules forbid recording it unless approved, so turning it on names the approval "
                    + "(1 to 200 printable characters). While on, the camera's audio is recorded (AAC by stream copy, "
                    + "other codecs such as G.711 encoded as AAC), played live and back, and exported; turning it off "
                    + "stops recording sound within seconds. Answers the camera as it now is.")
    @PutMapping("/api/v1/cameras/{id}/audio")
    CameraView audio(Caller caller, @PathVariable String id, @RequestBody AudioSwitch body, RequestOrigin origin) {
        if (body == null || body.enabled() == null) {
            throw new IllegalArgumentException("enabled (true or false) is required");
        }
        return view(administration.setAudio(caller, CameraId.parse(id), body.enabled(), body.approval(), origin));
    }

    @Operation(summary = "Remove a camera (ADMIN; audited)")
    @DeleteMapping("/api/v1/cameras/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void remove(Caller caller, @PathVariable String id, RequestOrigin origin) {
        administration.remove(caller, CameraId.parse(id), origin);
    }

    @Operation(summary = "One camera; 404 if unknown or of another agency")
    @GetMapping("/api/v1/cameras/{id}")
    CameraView get(Caller caller, @PathVariable String id) {
        return view(cameras.get(caller, CameraId.parse(id)));
    }
}
