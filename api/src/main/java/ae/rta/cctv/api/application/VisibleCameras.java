package ae.rta.cctv.api.application;

import ae.rta.cctv.api.application.port.out.CameraDirectory;
import ae.rta.cctv.api.application.port.out.CameraDirectory.CameraSummary;
import ae.rta.cctv.api.domain.Caller;
import ae.rta.cctv.common.domain.AgencyCode;
import ae.rta.cctv.common.domain.CameraId;
import ae.rta.cctv.common.web.ProblemException;
import java.util.List;
import java.util.Locale;

/**
 * The cameras a caller may know of: the single place where agency scope is applied to cameras. Every route that
 * names a camera resolves it here, so a camera of another agency is absent (404) for everyone but an administrator.
 */
public final class VisibleCameras {

    private final CameraDirectory directory;
    private final ScopeProbes probes;

    public VisibleCameras(CameraDirectory directory, ScopeProbes probes) {
        this.directory = directory;
        this.probes = probes;
    }

    /**
     * The caller's cameras matching every given filter, by agency then name.
     *
     * @param agency only this agency's, or null
     * @param text words the English or Arabic name contains (case-insensitive), or null
     * @param status ONLINE, OFFLINE or UNKNOWN, or null
     */
    public List<CameraSummary> list(Caller caller, AgencyCode agency, String text, String status) {
        return list(caller, agency, text, status, null);
    }

    /** As {@link #list(Caller, AgencyCode, String, String)}, only members of {@code groupId} when it is given. */
    public List<CameraSummary> list(Caller caller, AgencyCode agency, String text, String status, String groupId) {
        String needle = text == null || text.isBlank() ? null : text.strip().toLowerCase(Locale.ROOT);
        java.util.Set<CameraId> members = groupId == null ? null : java.util.Set.copyOf(group(caller, groupId).cameras());
        return cameras().stream()
                .filter(c -> members == null || members.contains(c.id()))
                .filter(c -> caller.sees(c.agency()))
                .filter(c -> agency == null || c.agency().equals(agency))
                .filter(c -> status == null || c.status().equals(status))
                .filter(c -> needle == null || c.name().toLowerCase(Locale.ROOT).contains(needle)
                        || (c.nameAr() != null && c.nameAr().contains(needle)))
                .toList();
    }

    /**
     * @throws ProblemException 404 when the camera does not exist or belongs to an agency the caller does not see
     *     (the second is audited, see {@link ScopeProbes})
     */
    public CameraSummary get(Caller caller, CameraId id) {
        java.util.Optional<CameraSummary> found;
        try {
            found = directory.find(id);
        } catch (CameraDirectory.DirectoryUnavailableException e) {
            throw unavailable();
        }
        if (found.isPresent() && !caller.sees(found.get().agency())) {
            probes.outOfScope(caller, "a camera", id.toString());
            found = java.util.Optional.empty();
        }
        return found.orElseThrow(() -> ProblemException.notFound("No camera has id " + id + "."));
    }

    /**
     * Whether the caller sees the camera now: for rechecking what was granted to them earlier (a link's grant), so no
     * 404 and nothing audited when they no longer do.
     *
     * @throws ProblemException 503 when the directory does not answer
     */
    public boolean sees(Caller caller, CameraId id) {
        try {
            return directory.find(id).filter(c -> caller.sees(c.agency())).isPresent();
        } catch (CameraDirectory.DirectoryUnavailableException e) {
            throw unavailable();
        }
    }

    /** The camera groups the caller may see. */
    public List<CameraDirectory.CameraGroupSummary> groups(Caller caller) {
        try {
            return directory.groups().stream().filter(g -> caller.sees(g.agency())).toList();
        } catch (CameraDirectory.DirectoryUnavailableException e) {
            throw unavailable();
        }
    }

    /** @throws ProblemException 404 when the group does not exist or is another agency's */
    public CameraDirectory.CameraGroupSummary group(Caller caller, String id) {
        return groups(caller).stream().filter(g -> g.id().equals(id)).findFirst()
                .orElseThrow(() -> ProblemException.notFound("No camera group has id " + id + "."));
    }

    /** The agencies cameras may belong to. @throws ProblemException 503 when the directory does not answer */
    public List<AgencyCode> agencies() {
        try {
            return directory.agencies();
        } catch (CameraDirectory.DirectoryUnavailableException e) {
            throw unavailable();
        }
    }

    private List<CameraSummary> cameras() {
        try {
            return directory.all();
        } catch (CameraDirectory.DirectoryUnavailableException e) {
            throw unavailable();
        }
    }

    private static ProblemException unavailable() {
        return ProblemException.unavailable("The camera directory (vms service) does not answer; try again shortly.");
    }
}
