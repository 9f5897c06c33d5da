package ae.rta.cctv.api.application.port.out;

import ae.rta.cctv.common.domain.AgencyCode;
import ae.rta.cctv.common.domain.CameraId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The cameras the vms service knows, as the api service shows them. */
public interface CameraDirectory {

    /** One camera. @param nameAr the Arabic name, or null */
    /**
     * A camera as the vms service knows it.
     *
     * @param statusReason why it is not ONLINE in words (null when ONLINE)
     * @param lastSeenAt when a health probe last reached it, or null
     * @param stream what the camera's last successful probe said of its stream (never null)
     * @param audioApproval the approval its sound is kept under (recorded, live, played back, exported), null while
     *     its audio is off, the default
     */
    record CameraSummary(CameraId id, String name, String nameAr, AgencyCode agency, String status, String statusReason,
            java.time.Instant lastSeenAt, boolean ptz, String sourceType, Probed stream, String audioApproval) {

        public boolean audioEnabled() {
            return audioApproval != null;
        }
    }

    /**
     * What a camera said of its stream when probed (its session description): codec {@code H.264}, {@code H.265}...,
     * {@code WIDTHxHEIGHT}, whether it has audio, and how it serves its media ({@code tcp}, or {@code udp} when it
     * refuses interleaved TCP). Nulls and false when it said nothing.
     */
    record Probed(String codec, String resolution, boolean audio, String audioCodec, String transport) {
        public static final Probed NONE = new Probed(null, null, false, null, null);
    }

    /** What a connection test of a source found; {@code reason} says in words why it cannot be used (null: it can). */
    record ConnectionTest(boolean reachable, String reason, Probed stream) {
    }

    /**
     * Every camera.
     *
     * @throws DirectoryUnavailableException when the vms service cannot be asked and nothing is known yet
     */
    List<CameraSummary> all();

    /** @throws DirectoryUnavailableException as {@link #all()} */
    Optional<CameraSummary> find(CameraId id);

    /** The agencies cameras may belong to. */
    List<AgencyCode> agencies();

    /**
     * A camera to add, as an administrator gives it; the vms service checks every field.
     *
     * @param source {@code type} and its fields ({@code url}, {@code subUrl}, {@code username}, {@code password})
     */
    record NewCamera(String name, String nameAr, String agency, Boolean ptz, Map<String, Object> source) {
    }

    /**
     * Adds a camera; the directory shows it at once.
     *
     * @throws ae.rta.cctv.common.web.ProblemException with the vms service's 4xx answer when it refuses the camera
     * @throws DirectoryUnavailableException when the vms service does not answer
     */
    CameraSummary add(NewCamera camera);

    /**
     * Probes a source as a new camera would be probed, saving nothing.
     *
     * @param source as in {@link NewCamera#source()}
     * @throws ae.rta.cctv.common.web.ProblemException the vms service's 400 for a bad source
     * @throws DirectoryUnavailableException when the vms service cannot be asked
     */
    ConnectionTest testConnection(Map<String, Object> source);

    /**
     * Turns a camera's sound on, under the approval named, or off.
     *
     * @throws ae.rta.cctv.common.web.ProblemException the vms service's 400 (no approval) or 404
     * @throws DirectoryUnavailableException when the vms service does not answer
     */
    CameraSummary setAudio(CameraId id, boolean enabled, String approval);

    /** Removes a camera. @return false when there was none */
    boolean remove(CameraId id);

    /** A named set of one agency's cameras. @param nameAr the Arabic name, or null */
    record CameraGroupSummary(String id, AgencyCode agency, String name, String nameAr, List<CameraId> cameras) {
    }

    /** @throws DirectoryUnavailableException as {@link #all()} */
    List<CameraGroupSummary> groups();

    /** Writes to the vms service: a group, its members, its removal, an agency. Refusals are passed on as they are. */
    Map<String, Object> write(String method, String path, Object body);

    /** Thrown when the directory cannot answer. */
    final class DirectoryUnavailableException extends RuntimeException {
        public DirectoryUnavailableException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
