package ae.rta.cctv.api.application;

import ae.rta.cctv.api.application.port.out.ServiceGateway;
import ae.rta.cctv.api.domain.AuditAction;
import ae.rta.cctv.api.domain.AuditOutcome;
import ae.rta.cctv.api.domain.Caller;
import ae.rta.cctv.api.domain.Role;
import ae.rta.cctv.common.domain.CameraId;
import ae.rta.cctv.common.media.Sha256;
import ae.rta.cctv.common.web.ProblemException;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Evidence exports (the playback service) of visible cameras. Asking is audited ({@code EXPORT}); an export is seen
 * by whoever may see its camera. Verification needs no lookup: a manifest's signature is its proof.
 */
public final class ExportControl {

    private final VisibleCameras cameras;
    private final ServiceGateway playback;
    private final AuditTrail audit;
    private final LinkGrants grants;

    public ExportControl(VisibleCameras cameras, ServiceGateway playback, AuditTrail audit, LinkGrants grants) {
        this.cameras = cameras;
        this.playback = playback;
        this.audit = audit;
        this.grants = grants;
    }

    /** @throws ProblemException 404 for a camera the caller cannot see; 400/409 from playback */
    public Map<String, Object> create(Caller caller, CameraId camera, Instant start, Instant end, RequestOrigin origin) {
        cameras.get(caller, camera);
        Map<String, Object> request = new HashMap<>();
        request.put("cameraId", camera.toString());
        request.put("start", start.toString());
        request.put("end", end.toString());
        request.put("actor", caller.username());
        Map<String, Object> job;
        try {
            job = call("POST", "/internal/exports", request, caller);
        } catch (ProblemException e) {
            audit.record(caller, AuditAction.EXPORT, camera.toString(), AuditOutcome.FAILED,
                    start + " to " + end + ": " + e.getMessage(), origin);
            throw e;
        }
        audit.record(caller, AuditAction.EXPORT, camera.toString(), AuditOutcome.SUCCESS,
                "export " + job.get("id") + " of " + start + " to " + end, origin);
        return job;
    }

    /**
     * An export, and once it is done links to its files for the caller: they name a grant made now, so each download
     * is checked and audited ({@code EXPORT_DOWNLOAD}) and stops working when the caller loses the camera.
     *
     * @throws ProblemException 404 for an unknown export or one of a camera the caller cannot see
     */
    public Map<String, Object> get(Caller caller, UUID id) {
        UUID grant = UUID.randomUUID();
        Map<String, Object> job = call("GET", "/internal/exports/{id}?grant={grant}", null, caller, id, grant);
        CameraId camera;
        try {
            camera = CameraId.parse(String.valueOf(job.get("cameraId")));
            cameras.get(caller, camera);
        } catch (ProblemException | IllegalArgumentException e) {
            throw ProblemException.notFound("No export " + id + ".");
        }
        if (job.get("downloadUrl") != null) {
            grants.grantExport(grant, caller, camera, id.toString());
        }
        return job;
    }

    /** An administrator's list holds everybody's exports (without links: ask for one); anybody else's their own. */
    public Map<String, Object> list(Caller caller, int page, int size) {
        String who = caller.role() == Role.ADMIN ? "" : caller.username();
        return call("GET", "/internal/exports?requestedBy={who}&page={page}&size={size}", null, caller, who, page, size);
    }

    /** Checks a manifest's signature and, when given, that it names a file with {@code sha256}. */
    public Map<String, Object> verify(Caller caller, String manifest, String signature, String sha256) {
        if (manifest == null || manifest.isBlank() || manifest.length() > 4_000_000) {
            throw ProblemException.badRequest("manifest is required: the manifest.json text exactly as downloaded.");
        }
        if (signature == null || !signature.strip().matches("[A-Za-z0-9+/=]{16,200}")) {
            throw ProblemException.badRequest("signature is required: the export's signature (base64).");
        }
        if (sha256 != null && !sha256.isBlank() && !sha256.strip().matches("[0-9a-fA-F]{64}")) {
            throw ProblemException.badRequest("sha256, when given, is 64 hexadecimal digits.");
        }
        Map<String, Object> request = new HashMap<>();
        request.put("manifest", manifest);
        request.put("signature", signature);
        request.put("sha256", sha256);
        return call("POST", "/internal/exports/verify", request, caller);
    }

    /**
     * Checks a file someone holds against the export it claims to be: hashes {@code file} as it streams in and asks
     * whether the export's signed manifest names that hash.
     */
    public Map<String, Object> verifyFile(Caller caller, UUID id, InputStream file) {
        Map<String, Object> job = get(caller, id);
        if (!"DONE".equals(job.get("status"))) {
            throw ProblemException.conflict("Export " + id + " is " + job.get("status") + ": only a finished export can be verified.");
        }
        String sha256 = sha256(file);
        Map<String, Object> manifest = call("GET", "/internal/exports/{id}/manifest", null, caller, id);
        Map<String, Object> result = new HashMap<>(verify(caller, String.valueOf(manifest.get("manifest")),
                String.valueOf(job.get("signature")), sha256));
        result.put("sha256", sha256);
        return result;
    }

    public Map<String, Object> publicKey() {
        return call("GET", "/internal/exports/public-key", null, null);
    }

    private Map<String, Object> call(String method, String path, Object body, Caller caller, Object... variables) {
        try {
            return playback.call(method, path, body, caller == null ? null : caller.username(), variables);
        } catch (ServiceGateway.UnavailableException e) {
            throw ProblemException.unavailable("Exports are out of reach now (" + e.getMessage() + "); try again shortly.");
        }
    }

    private static String sha256(InputStream in) {
        try {
            return Sha256.hex(in);
        } catch (IOException e) {
            throw ProblemException.badRequest("The file could not be read to its end: " + e.getMessage());
        }
    }
}
