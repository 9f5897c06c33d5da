package ae.rta.cctv.recording.application.port.out;

import ae.rta.cctv.common.domain.CameraId;
import ae.rta.cctv.recording.domain.RecordingSchedule;
import java.util.List;
import java.util.Optional;

/** Where recording schedules are kept. */
public interface ScheduleRepository {

    List<RecordingSchedule> all();

    Optional<RecordingSchedule> find(CameraId camera);

    void save(RecordingSchedule schedule, String by);
}
