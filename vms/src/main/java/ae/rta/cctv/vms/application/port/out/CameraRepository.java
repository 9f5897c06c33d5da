package ae.rta.cctv.vms.application.port.out;

import ae.rta.cctv.common.domain.AgencyCode;
import ae.rta.cctv.common.domain.CameraId;
import ae.rta.cctv.vms.domain.Camera;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Where cameras and agencies are kept. Credentials are stored encrypted and come back decrypted. */
public interface CameraRepository {

    /** Adds the agency unless one with its code exists. @return whether it was added */
    boolean addAgencyIfAbsent(AgencyCode code, String name, String nameAr);

    /** Adds the camera unless one with its id exists. */
    void addIfAbsent(Camera camera);

    /** The code of every agency, in order. */
    List<AgencyCode> findAgencyCodes();

    /** Every camera, ordered by agency then name; never null. */
    List<Camera> findAll();

    Optional<Camera> findById(CameraId id);

    /** @return whether a camera was removed */
    boolean delete(CameraId id);

    /** How an administrator said the camera's media must be reached ({@code auto}, {@code tcp}, {@code udp}); empty: auto. */
    java.util.Optional<String> transport(CameraId id);

    /** @param transport {@code auto}, {@code tcp} or {@code udp} */
    void setTransport(CameraId id, String transport);

    /** Stores what the upstream VMS says of a camera: its name, PTZ capability, and whether it still lists it. */
    void updateUpstream(CameraId id, String name, boolean ptz, boolean removed);

    /** Whether the camera's upstream VMS no longer lists it. */
    boolean upstreamRemoved(CameraId id);

    /** What one inventory sync of an upstream server found and did. @param error why it failed, or null */
    record SyncReport(String server, Instant startedAt, Instant finishedAt, int seen, int added, int updated, int removed,
            int unchanged, String error) {
    }

    void saveSyncReport(SyncReport report);

    /** The newest reports first. */
    List<SyncReport> syncReports(int limit);

    /** Stores the camera's health; when its status changed, also appends a status event. */
    void saveHealth(Camera camera, boolean statusChanged);

    /** A status change as other services follow them. */
    record StatusEvent(long id, CameraId camera, AgencyCode agency, String status, String reason, Instant at) {
    }

    /** Status events after {@code afterId}, oldest first, at most {@code limit}. */
    List<StatusEvent> statusEvents(long afterId, int limit);
}
