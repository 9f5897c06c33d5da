package ae.rta.cctv.metadata.application.port.out;

import ae.rta.cctv.metadata.domain.CameraName;
import java.time.Instant;
import java.util.List;

/** The camera names this service searches, a copy of the camera catalog's. */
public interface CameraNameStore {

    /** What a replacement changed. */
    record Changes(int added, int renamed, int removed) {
    }

    /** Makes the stored names those of {@code cameras}: adds, renames and removes what differs, nothing else. */
    Changes replaceAll(List<CameraName> cameras, Instant now);
}
