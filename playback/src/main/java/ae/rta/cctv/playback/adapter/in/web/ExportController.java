package ae.rta.cctv.playback.adapter.in.web;

import ae.rta.cctv.common.domain.CameraId;
import ae.rta.cctv.common.security.Secrets;
import ae.rta.cctv.common.web.FileRanges;
import ae.rta.cctv.common.web.ProblemException;
import ae.rta.cctv.common.web.RequestValues;
import ae.rta.cctv.playback.application.Exports;
import ae.rta.cctv.playback.domain.ExportJob;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.CrossOrigin;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Evidence exports: the api's routes (internal) and the signed downloads (public). */
@RestController
class ExportController {

    private final Exports exports;

    ExportController(Exports exports) {
        this.exports = exports;
    }

    record NewExport(String cameraId, String start, String end, String actor) {
    }

    record VerifyRequest(String manifest, String signature, String sha256) {
    }

    @PostMapping("/internal/exports")
    ResponseEntity<Map<String, Object>> create(@RequestBody NewExport body) {
        if (body.cameraId() == null || body.actor() == null || body.actor().isBlank()) {
            throw ProblemException.badRequest("cameraId, start, end and actor are required.");
        }
        ExportJob job = exports.create(camera(body.cameraId()), RequestValues.requiredInstant("start", body.start()),
                RequestValues.requiredInstant("end", body.end()), body.actor());
        return ResponseEntity.status(HttpStatus.ACCEPTED).location(URI.create("/internal/exports/" + job.id()))
                .body(view(exports.get(job.id(), null)));
    }

    /** @param grant the api's grant that links to a finished export's files name; without one, no links */
    @GetMapping("/internal/exports/{id}")
    Map<String, Object> get(@PathVariable String id, @RequestParam(required = false) String grant) {
        return view(exports.get(uuid(id), grant == null ? null : RequestValues.uuid("grant", grant)));
    }

    @GetMapping("/internal/exports")
    Map<String, Object> list(@RequestParam(required = false) String requestedBy, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size) {
        if (page < 0 || size < 1 || size > 200) {
            throw ProblemException.badRequest("page must be 0 or more and size 1 to 200.");
        }
        String who = requestedBy == null || requestedBy.isBlank() ? null : requestedBy;
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("items", exports.list(who, page, size).stream().map(ExportController::view).toList());
        body.put("total", exports.count(who));
        return body;
    }

    /** A finished export's manifest text, exactly as signed. */
    @GetMapping("/internal/exports/{id}/manifest")
    Map<String, Object> manifest(@PathVariable String id) {
        ExportJob job = exports.get(uuid(id), null).job();
        if (job.manifest() == null) {
            throw ProblemException.conflict("Export " + id + " is " + job.status() + ": it has no manifest yet.");
        }
        return Map.of("manifest", job.manifest());
    }

    @PostMapping("/internal/exports/verify")
    Map<String, Object> verify(@RequestBody VerifyRequest body) {
        Exports.Verification v = exports.verify(body.manifest(), body.signature(), body.sha256());
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("valid", v.valid());
        out.put("signatureValid", v.signatureValid());
        out.put("fileMatches", v.fileMatches());
        out.put("exportId", v.exportId());
        out.put("problems", v.problems());
        return out;
    }

    @GetMapping("/internal/exports/public-key")
    Map<String, Object> publicKey() {
        return Map.of("algorithm", "Ed25519", "pem", exports.publicKeyPem());
    }

    /** A finished export's MP4, manifest or signature; open to any page, the link's signature is the credential. */
    @CrossOrigin(origins = "*")
    @GetMapping("/playback/v1/exports/{id}/{file}")
    void download(@PathVariable String id, @PathVariable String file, @RequestParam(required = false) String grant,
            @RequestParam(required = false) Long expires, @RequestParam(required = false) String ticket,
            @RequestParam(required = false) String sig, HttpServletRequest request, HttpServletResponse response)
            throws java.io.IOException {
        UUID export = uuid(id);
        Path path = exports.file(export, file, new Exports.Download(grant, expires, ticket, sig, request.getRemoteAddr()));
        MediaType type = switch (file) {
            case Exports.MEDIA -> MediaType.parseMediaType("video/mp4");
            case Exports.MANIFEST -> MediaType.APPLICATION_JSON;
            default -> MediaType.APPLICATION_OCTET_STREAM;
        };
        String name = Exports.MEDIA.equals(file) ? exports.get(export, null).job().fileName() : id + "-" + file;
        response.setHeader("Cache-Control", CacheControl.noStore().getHeaderValue());
        response.setHeader("Content-Disposition", ContentDisposition.attachment().filename(name).build().toString());
        FileRanges.send(request, response, path, type.toString(), null);
    }

    static Map<String, Object> view(Exports.View v) {
        ExportJob j = v.job();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", j.id().toString());
        m.put("status", j.status().name());
        m.put("progress", Math.round(j.progress() * 1000) / 1000.0);
        m.put("cameraId", j.camera().toString());
        m.put("start", j.start());
        m.put("end", j.end());
        m.put("requestedBy", j.requestedBy());
        m.put("createdAt", j.createdAt());
        m.put("finishedAt", j.finishedAt());
        m.put("sha256", j.sha256());
        m.put("sizeBytes", j.sizeBytes());
        m.put("signature", j.signature());
        m.put("error", Secrets.mask(j.error())); // masked when stored since issue 18; older rows here
        m.putAll(v.links());
        if (v.linksExpire() != null) {
            m.put("linksExpireAt", v.linksExpire());
        }
        return m;
    }

    private static UUID uuid(String id) {
        return RequestValues.uuid("id", id);
    }

    private static CameraId camera(String id) {
        try {
            return CameraId.parse(id);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("cameraId must be a camera id (a UUID).");
        }
    }
}
