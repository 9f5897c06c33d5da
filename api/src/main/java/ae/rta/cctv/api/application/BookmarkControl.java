package ae.rta.cctv.api.application;

import ae.rta.cctv.api.application.IncidentControl.MetadataGateway;
import ae.rta.cctv.api.application.port.out.CameraDirectory.CameraSummary;
import ae.rta.cctv.api.application.port.out.ServiceGateway;
import ae.rta.cctv.api.domain.AuditAction;
import ae.rta.cctv.api.domain.AuditOutcome;
import ae.rta.cctv.api.domain.Caller;
import ae.rta.cctv.common.domain.CameraId;
import ae.rta.cctv.common.web.ProblemException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Bookmarks and annotations (metadata service) on the timelines of the cameras a caller may see; a bookmark belongs
 * to its camera's agency. Every change is audited ({@code BOOKMARK_CHANGE}).
 */
public final class BookmarkControl {

    private static final String PATH = "/internal/bookmarks";

    private final VisibleCameras cameras;
    private final MetadataGateway metadata;
    private final AuditTrail audit;

    public BookmarkControl(VisibleCameras cameras, ServiceGateway metadata, AuditTrail audit) {
        this.cameras = cameras;
        this.metadata = new MetadataGateway(metadata);
        this.audit = audit;
    }

    /** A bookmark as the caller gives it: a moment ({@code time}) or a range ({@code time} to {@code end}). */
    public record NewBookmark(String cameraId, String time, String end, String note, List<String> tags) {
    }

    /** A change; null fields stay as they are; {@code moment} true drops the end. */
    public record BookmarkPatch(String note, List<String> tags, String time, String end, Boolean moment) {
    }

    /** @throws ProblemException 404 for a camera the caller cannot see */
    public Map<String, Object> create(Caller caller, NewBookmark body, RequestOrigin origin) {
        if (body.cameraId() == null || body.cameraId().isBlank()) {
            throw new IllegalArgumentException("cameraId is required");
        }
        CameraSummary camera = cameras.get(caller, CameraId.parse(body.cameraId()));
        Map<String, Object> request = new HashMap<>();
        request.put("agency", camera.agency().value());
        request.put("cameraId", camera.id().toString());
        request.put("time", body.time());
        request.put("end", body.end());
        request.put("note", body.note());
        request.put("tags", body.tags());
        Map<String, Object> bookmark = metadata.call("POST", PATH, request, caller.username());
        audit.record(caller, AuditAction.BOOKMARK_CHANGE, String.valueOf(bookmark.get("id")), AuditOutcome.SUCCESS,
                "added on camera " + camera.id() + " at " + bookmark.get("time"), origin);
        return bookmark;
    }

    /** By time. @param cameraId one camera's (404 when the caller cannot see it), or null for all the caller may see */
    public Map<String, Object> list(Caller caller, String cameraId, String start, String end, String tag, int page, int size) {
        String camera = cameraId == null || cameraId.isBlank() ? "" : cameras.get(caller, CameraId.parse(cameraId)).id().toString();
        return metadata.call("GET", PATH + "?agency={agency}&cameraId={camera}&start={start}&end={end}&tag={tag}"
                + "&page={page}&size={size}", null, null, IncidentControl.scope(caller), camera, IncidentControl.blank(start),
                IncidentControl.blank(end), IncidentControl.blank(tag), page, size);
    }

    public Map<String, Object> get(Caller caller, UUID id) {
        return metadata.call("GET", PATH + "/{id}?agency={agency}", null, null, id, IncidentControl.scope(caller));
    }

    public Map<String, Object> change(Caller caller, UUID id, BookmarkPatch patch, RequestOrigin origin) {
        Map<String, Object> request = new HashMap<>();
        request.put("note", patch.note());
        request.put("tags", patch.tags());
        request.put("time", patch.time());
        request.put("end", patch.end());
        request.put("moment", patch.moment());
        Map<String, Object> bookmark = metadata.call("PATCH", PATH + "/{id}?agency={agency}", request, caller.username(), id,
                IncidentControl.scope(caller));
        audit.record(caller, AuditAction.BOOKMARK_CHANGE, id.toString(), AuditOutcome.SUCCESS, "changed", origin);
        return bookmark;
    }

    public void delete(Caller caller, UUID id, RequestOrigin origin) {
        metadata.call("DELETE", PATH + "/{id}?agency={agency}", null, caller.username(), id, IncidentControl.scope(caller));
        audit.record(caller, AuditAction.BOOKMARK_CHANGE, id.toString(), AuditOutcome.SUCCESS, "deleted", origin);
    }
}
