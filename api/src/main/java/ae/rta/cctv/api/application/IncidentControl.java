package ae.rta.cctv.api.application;

import ae.rta.cctv.common.domain.PrintableText;
import ae.rta.cctv.api.application.port.out.CameraDirectory.CameraSummary;
import ae.rta.cctv.api.application.port.out.ServiceGateway;
import ae.rta.cctv.api.application.port.out.UserRepository;
import ae.rta.cctv.api.domain.AuditAction;
import ae.rta.cctv.api.domain.AuditOutcome;
import ae.rta.cctv.api.domain.Caller;
import ae.rta.cctv.api.domain.Role;
import ae.rta.cctv.api.domain.User;
import ae.rta.cctv.common.domain.AgencyCode;
import ae.rta.cctv.common.domain.CameraId;
import ae.rta.cctv.common.web.ProblemException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Incidents (metadata service) for the cameras a caller may see: cameras are resolved where agency scope lives
 * ({@link VisibleCameras}), every call carries the caller's scope so another agency's incident is absent (404), and
 * every change is audited ({@code INCIDENT_CHANGE}).
 */
public final class IncidentControl {

    private static final String PATH = "/internal/incidents";

    private final VisibleCameras cameras;
    private final MetadataGateway metadata;
    private final UserRepository users;
    private final AuditTrail audit;
    private final boolean externalUsers;

    /**
     * @param externalUsers whether users may come from an external identity provider (an assignee unknown here is then
     *                      accepted)
     */
    public IncidentControl(VisibleCameras cameras, ServiceGateway metadata, UserRepository users, AuditTrail audit,
            boolean externalUsers) {
        this.cameras = cameras;
        this.metadata = new MetadataGateway(metadata);
        this.users = users;
        this.audit = audit;
        this.externalUsers = externalUsers;
    }

    /** A new incident as the caller gives it; the metadata service checks texts, times and tags. */
    public record NewIncident(String title, String description, List<String> cameraIds, String start, String end,
            List<String> tags, String assignee, String agency) {
    }

    /** A change; null fields stay as they are ({@code assignee} "" unassigns). */
    public record IncidentPatch(String status, String title, String description, String assignee, List<String> tags) {
    }

    /**
     * Opens an incident of the caller's agency (an administrator's: the agency named, else that of the cameras, else
     * their own).
     *
     * @throws ProblemException 404 for a camera the caller cannot see; 400 for cameras of several agencies
     */
    public Map<String, Object> open(Caller caller, NewIncident body, RequestOrigin origin) {
        List<CameraSummary> linked = visible(caller, body.cameraIds());
        AgencyCode agency = agencyOf(caller, body.agency(), linked);
        checkAssignee(body.assignee(), agency);
        Map<String, Object> request = new HashMap<>();
        request.put("agency", agency.value());
        request.put("title", body.title());
        request.put("description", body.description());
        request.put("assignee", body.assignee());
        request.put("tags", body.tags());
        request.put("start", body.start());
        request.put("end", body.end());
        request.put("cameraIds", linked.stream().map(c -> c.id().toString()).toList());
        Map<String, Object> incident = metadata.call("POST", PATH, request, caller.username());
        audit.record(caller, AuditAction.INCIDENT_CHANGE, String.valueOf(incident.get("id")), AuditOutcome.SUCCESS,
                "opened: " + shorten(incident.get("title")) + (linked.isEmpty() ? "" : "; cameras " + ids(linked)), origin);
        return incident;
    }

    /** @throws ProblemException 404 when the incident does not exist or is another agency's */
    public Map<String, Object> get(Caller caller, UUID id) {
        return metadata.call("GET", PATH + "/{id}?agency={agency}", null, null, id, scope(caller));
    }

    /** Newest first. @param cameraId only incidents linking this camera (404 when the caller cannot see it), or null */
    public Map<String, Object> list(Caller caller, String status, String tag, String cameraId, String assignee, int page,
            int size) {
        String camera = cameraId == null ? "" : cameras.get(caller, CameraId.parse(cameraId)).id().toString();
        return metadata.call("GET", PATH + "?agency={agency}&status={status}&tag={tag}&cameraId={camera}"
                + "&assignee={assignee}&page={page}&size={size}", null, null, scope(caller), blank(status), blank(tag), camera,
                blank(assignee), page, size);
    }

    /** @throws ProblemException 400 for a transition the workflow does not allow; 404 for no such incident in scope */
    public Map<String, Object> change(Caller caller, UUID id, IncidentPatch patch, RequestOrigin origin) {
        if (patch.assignee() != null && !patch.assignee().isBlank()) {
            Object agency = get(caller, id).get("agency");
            checkAssignee(patch.assignee(), new AgencyCode(String.valueOf(agency)));
        }
        Map<String, Object> request = new HashMap<>();
        request.put("status", patch.status());
        request.put("title", patch.title());
        request.put("description", patch.description());
        request.put("assignee", patch.assignee());
        request.put("tags", patch.tags());
        Map<String, Object> incident = metadata.call("PATCH", PATH + "/{id}?agency={agency}", request,
                caller.username(), id, scope(caller));
        List<String> changed = new ArrayList<>();
        if (patch.status() != null) {
            changed.add("status " + incident.get("status"));
        }
        if (patch.title() != null) {
            changed.add("title");
        }
        if (patch.description() != null) {
            changed.add("description");
        }
        if (patch.assignee() != null) {
            changed.add("assignee " + (patch.assignee().isBlank() ? "none" : patch.assignee().strip()));
        }
        if (patch.tags() != null) {
            changed.add("tags");
        }
        audit.record(caller, AuditAction.INCIDENT_CHANGE, id.toString(), AuditOutcome.SUCCESS, "changed: "
                + String.join(", ", changed), origin);
        return incident;
    }

    public Map<String, Object> comment(Caller caller, UUID id, String text, RequestOrigin origin) {
        Map<String, Object> request = new HashMap<>();
        request.put("text", text);
        Map<String, Object> incident = metadata.call("POST", PATH + "/{id}/comments?agency={agency}", request,
                caller.username(), id, scope(caller));
        audit.record(caller, AuditAction.INCIDENT_CHANGE, id.toString(), AuditOutcome.SUCCESS, "comment added", origin);
        return incident;
    }

    /** Links a camera the caller can see (404 otherwise), and with {@code start}/{@code end} its footage, held as evidence. */
    public Map<String, Object> link(Caller caller, UUID id, String cameraId, String start, String end, RequestOrigin origin) {
        if (cameraId == null || cameraId.isBlank()) {
            throw new IllegalArgumentException("cameraId is required");
        }
        CameraSummary camera = cameras.get(caller, CameraId.parse(cameraId));
        Map<String, Object> request = new HashMap<>();
        request.put("cameraId", camera.id().toString());
        request.put("cameraAgency", camera.agency().value());
        request.put("start", start);
        request.put("end", end);
        Map<String, Object> incident = metadata.call("POST", PATH + "/{id}/footage?agency={agency}", request,
                caller.username(), id, scope(caller));
        audit.record(caller, AuditAction.INCIDENT_CHANGE, id.toString(), AuditOutcome.SUCCESS, "footage linked: camera "
                + camera.id() + (start == null ? "" : " " + start + "/" + end), origin);
        return incident;
    }

    public Map<String, Object> unlink(Caller caller, UUID id, UUID footage, RequestOrigin origin) {
        Map<String, Object> incident = metadata.call("DELETE", PATH + "/{id}/footage/{footage}?agency={agency}", null,
                caller.username(), id, footage, scope(caller));
        audit.record(caller, AuditAction.INCIDENT_CHANGE, id.toString(), AuditOutcome.SUCCESS, "footage unlinked: " + footage,
                origin);
        return incident;
    }

    private List<CameraSummary> visible(Caller caller, List<String> cameraIds) {
        if (cameraIds == null) {
            return List.of();
        }
        if (cameraIds.size() > 50) {
            throw new IllegalArgumentException("at most 50 cameras");
        }
        Set<CameraId> ids = new LinkedHashSet<>();
        for (String id : cameraIds) {
            ids.add(CameraId.parse(id));
        }
        return ids.stream().map(id -> cameras.get(caller, id)).toList();
    }

    private AgencyCode agencyOf(Caller caller, String requested, List<CameraSummary> linked) {
        Set<AgencyCode> ofCameras = new LinkedHashSet<>();
        linked.forEach(c -> ofCameras.add(c.agency()));
        if (ofCameras.size() > 1) {
            throw new IllegalArgumentException("the cameras belong to several agencies " + ofCameras
                    + "; an incident is one agency's: open one per agency");
        }
        AgencyCode named = requested == null || requested.isBlank() ? null : new AgencyCode(requested);
        if (caller.role() != Role.ADMIN) {
            if (named != null && !named.equals(caller.agency())) {
                throw ProblemException.forbidden("You may open incidents of your own agency (" + caller.agency() + ") only.");
            }
            return caller.agency();
        }
        if (named != null) {
            if (!cameras.agencies().contains(named)) {
                throw new IllegalArgumentException("agency " + named + " does not exist");
            }
            if (!ofCameras.isEmpty() && !ofCameras.contains(named)) {
                throw new IllegalArgumentException("the cameras belong to " + ofCameras.iterator().next() + ", not " + named);
            }
            return named;
        }
        return ofCameras.isEmpty() ? caller.agency() : ofCameras.iterator().next();
    }

    /* An assignee is a user who can see the incident; with an external identity provider people need not have signed
     * in here before, so only names of local users are checked then. */
    private void checkAssignee(String assignee, AgencyCode agency) {
        if (assignee == null || assignee.isBlank()) {
            return;
        }
        if (assignee.length() > 100 || !PrintableText.isLine(assignee)) {
            throw new IllegalArgumentException("assignee must be a username");
        }
        User user = users.findByUsername(assignee.strip()).map(UserRepository.Credentials::user).orElse(null);
        if (user == null) {
            if (!externalUsers) {
                throw new IllegalArgumentException("assignee: no user is called " + assignee.strip());
            }
            return;
        }
        if (!user.enabled() || !(user.role() == Role.ADMIN || user.role() == Role.OPERATOR)
                || !(user.role() == Role.ADMIN || user.agency().equals(agency))) {
            throw new IllegalArgumentException("assignee: " + user.username() + " cannot work on " + agency + " incidents");
        }
    }

    static String scope(Caller caller) {
        return caller.scope().map(AgencyCode::value).orElse("");
    }

    static String blank(String value) {
        return value == null ? "" : value;
    }

    private static String ids(List<CameraSummary> cameras) {
        return String.join(",", cameras.stream().map(c -> c.id().toString()).toList());
    }

    private static String shorten(Object text) {
        String s = String.valueOf(text);
        return s.length() > 120 ? s.substring(0, 119) + "…" : s;
    }

    /** The metadata service, with "unavailable" turned into a 503 for the caller. */
    static final class MetadataGateway {
        private final ServiceGateway gateway;

        MetadataGateway(ServiceGateway gateway) {
            this.gateway = gateway;
        }

        Map<String, Object> call(String method, String path, Object body, String actor, Object... variables) {
            return unavailableAs503(() -> gateway.call(method, path, body, actor, variables));
        }

        private static Map<String, Object> unavailableAs503(Supplier<Map<String, Object>> call) {
            try {
                return call.get();
            } catch (ServiceGateway.UnavailableException e) {
                throw ProblemException.unavailable("The metadata service does not answer now; nothing was changed. Try again shortly.");
            }
        }
    }
}
