package ae.rta.cctv.api.application;

import ae.rta.cctv.api.application.IncidentControl.MetadataGateway;
import ae.rta.cctv.api.application.port.out.ServiceGateway;
import ae.rta.cctv.api.domain.Caller;
import ae.rta.cctv.api.domain.Role;
import ae.rta.cctv.common.domain.AgencyCode;
import ae.rta.cctv.common.domain.CameraId;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Full-text search (metadata service) over incidents, their comments, bookmarks and camera names, limited to the
 * caller's agency and to the kinds of thing their role may read: a viewer (live and playback) finds bookmarks and
 * cameras, not incidents.
 */
public final class SearchControl {

    private static final List<String> ALL = List.of("incident", "comment", "bookmark", "camera");
    private static final List<String> VIEWER = List.of("bookmark", "camera");

    private final VisibleCameras cameras;
    private final MetadataGateway metadata;

    public SearchControl(VisibleCameras cameras, ServiceGateway metadata) {
        this.cameras = cameras;
        this.metadata = new MetadataGateway(metadata);
    }

    /** What to look for; null fields do not filter. @param types comma-separated, null for all the caller may read */
    public record Query(String q, String types, String agency, String cameraId, String status, String tag, String from,
            String to, int page, int size) {
    }

    /** @throws ae.rta.cctv.common.web.ProblemException 404 for a camera filter the caller cannot see */
    public Map<String, Object> search(Caller caller, Query query) {
        Set<String> wanted = new LinkedHashSet<>();
        List<String> readable = caller.role() == Role.VIEWER ? VIEWER : ALL;
        if (query.types() == null || query.types().isBlank()) {
            wanted.addAll(readable);
        } else {
            for (String type : query.types().split(",")) {
                String t = type.strip().toLowerCase(Locale.ROOT);
                if (!ALL.contains(t)) {
                    throw new IllegalArgumentException("types must be a comma-separated list of " + String.join(", ", ALL));
                }
                if (readable.contains(t)) {
                    wanted.add(t);
                }
            }
        }
        AgencyCode agency = query.agency() == null || query.agency().isBlank() ? null
                : new AgencyCode(query.agency().strip().toUpperCase(Locale.ROOT));
        if (agency != null && !caller.sees(agency)) {
            wanted.clear();
        }
        String camera = query.cameraId() == null || query.cameraId().isBlank() ? ""
                : cameras.get(caller, CameraId.parse(query.cameraId())).id().toString();
        if (wanted.isEmpty()) {
            return Map.of("items", List.of(), "total", 0, "totalExact", true, "page", query.page(), "size", query.size());
        }
        String scope = agency != null ? agency.value() : IncidentControl.scope(caller);
        return metadata.call("GET", "/internal/search?q={q}&types={types}&agency={agency}"
                + "&cameraId={camera}&status={status}&tag={tag}&from={from}&to={to}&page={page}&size={size}", null, null,
                IncidentControl.blank(query.q()), String.join(",", wanted), scope,
                camera, IncidentControl.blank(query.status()), IncidentControl.blank(query.tag()),
                IncidentControl.blank(query.from()), IncidentControl.blank(query.to()), query.page(), query.size());
    }
}
