package ae.rta.cctv.api.adapter.in.web;

import ae.rta.cctv.api.application.ExportControl;
import ae.rta.cctv.api.application.RequestOrigin;
import ae.rta.cctv.api.domain.Caller;
import ae.rta.cctv.common.domain.CameraId;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.net.URI;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class ExportController {

    private final ExportControl exports;

    ExportController(ExportControl exports) {
        this.exports = exports;
    }

    record NewExport(String cameraId, String start, String end) {
    }

    record Verify(String manifest, String signature, String sha256) {
    }

    @Operation(summary = "Export a recorded range as evidence (audited)",
            description = "202 with the job; poll GET /api/v1/exports/{id} for progress. The range is put under an "
                    + "evidence hold at once. The MP4 (stream copy, faststart, opens at start through an edit list) "
                    + "comes with a manifest signed with Ed25519 naming its SHA-256 and every source segment's.")
    @PostMapping("/api/v1/exports")
    ResponseEntity<Map<String, Object>> create(Caller caller, @RequestBody NewExport body, RequestOrigin origin) {
        if (body.cameraId() == null || body.start() == null || body.end() == null) {
            throw new IllegalArgumentException("cameraId, start and end are required");
        }
        Map<String, Object> job = exports.create(caller, CameraId.parse(body.cameraId()), Params.instant("start", body.start()),
                Params.instant("end", body.end()), origin);
        return ResponseEntity.status(HttpStatus.ACCEPTED).location(URI.create("/api/v1/exports/" + job.get("id"))).body(job);
    }

    @Operation(summary = "Your exports (an administrator's: everybody's), newest first")
    @GetMapping("/api/v1/exports")
    Map<String, Object> list(Caller caller, @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        Paging paging = new Paging(page, size);
        return exports.list(caller, paging.page(), paging.size());
    }

    @Operation(summary = "An export: status, progress, and once DONE its sha256, sizeBytes, signature and signed "
            + "downloadUrl / manifestUrl / signatureUrl")
    @GetMapping("/api/v1/exports/{id}")
    Map<String, Object> get(Caller caller, @PathVariable String id) {
        return exports.get(caller, Params.id("id", id));
    }

    @Operation(summary = "Verify a manifest",
            description = "manifest: the manifest.json text exactly as downloaded; signature: base64 (the export's "
                    + "signature field, or manifest.sig base64-encoded); sha256 (optional): the hash of the MP4 you hold.")
    @PostMapping("/api/v1/exports/verify")
    Map<String, Object> verify(Caller caller, @RequestBody Verify body) {
        return exports.verify(caller, body.manifest(), body.signature(), body.sha256());
    }

    @Operation(summary = "Verify a file against an export: the request body is the MP4 itself (streamed, any size)")
    @PostMapping("/api/v1/exports/{id}/verify")
    Map<String, Object> verifyFile(Caller caller, @PathVariable String id, HttpServletRequest request) throws IOException {
        return exports.verifyFile(caller, Params.id("id", id), request.getInputStream());
    }

    @Operation(summary = "The Ed25519 public key (PEM) export manifests are signed with; open to anyone")
    @GetMapping("/api/v1/exports/public-key")
    Map<String, Object> publicKey() {
        return exports.publicKey();
    }
}
