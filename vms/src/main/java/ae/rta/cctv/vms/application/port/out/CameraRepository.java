package ae.rta.cctv.vms.application.port.out;

import ae.rta.cctv.common.domain.AgencyCode;
import ae.rta.cctv.common.domain.CameraId;
import ae.rta.cctv.vms.domain.Camera;
import ae.rta.cctv.vms.domain.CameraEventKind;
import ae.rta.cctv.vms.domain.DeviceEvent;
import java.time.Instant;
import java.util.List;
import java.util.Map;
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

    /**
     * The approval each camera whose sound is kept rests on (a reference an administrator gave); a camera not in the
     * map has its audio off, the default.
     */
    Map<CameraId, String> audioApprovals();

    /** @param approval the approval the camera's audio is kept under, or null to turn its audio off */
    void setAudio(CameraId id, String approval, Instant at);

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

    /**
     * A camera event as other services follow them: a status change, or what the camera reported of its scene.
     *
     * @param status ONLINE, OFFLINE or UNKNOWN for a {@link CameraEventKind#STATUS} event, else null
     * @param active for motion and tampering: whether it started (true) or ended (false); null for a status change
     * @param reason why the status changed, or what the camera said; may be null
     */
    record CameraEvent(long id, CameraId camera, AgencyCode agency, CameraEventKind kind, String status, Boolean active,
            String reason, Instant at) {
    }

    /**
     * Which events to list: those after {@code afterId}, at most {@code limit}, oldest first; each of the rest null
     * for any.
     *
     * @param from events at or after this time
     * @param to events before this time
     */
    record EventQuery(long afterId, int limit, CameraEventKind kind, CameraId camera, Instant from, Instant to) {
    }

    List<CameraEvent> events(EventQuery query);

    /** Appends what the camera reported of its scene. */
    void addDeviceEvent(Camera camera, DeviceEvent event);

    /** Stores how the camera's event subscription stands ("subscribed", or why not), for people to read. */
    void saveEventsState(CameraId id, String state);

    /** The event subscription state of every camera that has one, by camera. */
    Map<CameraId, String> eventsStates();
}
