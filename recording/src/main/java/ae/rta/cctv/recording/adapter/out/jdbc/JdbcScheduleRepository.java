package ae.rta.cctv.recording.adapter.out.jdbc;

import ae.rta.cctv.common.domain.CameraId;
import ae.rta.cctv.recording.application.port.out.ScheduleRepository;
import ae.rta.cctv.recording.domain.RecordingMode;
import ae.rta.cctv.recording.domain.RecordingSchedule;
import ae.rta.cctv.recording.domain.WeeklyWindow;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Schedules in PostgreSQL; windows are kept as text: {@code MON,TUE 08:00-18:00;SAT 22:00-06:00}. */
@Repository
class JdbcScheduleRepository implements ScheduleRepository {

    private final JdbcClient jdbc;

    JdbcScheduleRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<RecordingSchedule> all() {
        return jdbc.sql("SELECT camera_id, mode, windows, time_zone, retention_days FROM schedule").query((rs, n) -> row(rs)).list();
    }

    @Override
    public Optional<RecordingSchedule> find(CameraId camera) {
        return jdbc.sql("SELECT camera_id, mode, windows, time_zone, retention_days FROM schedule WHERE camera_id = ?")
                .param(camera.value()).query((rs, n) -> row(rs)).optional();
    }

    @Override
    public void save(RecordingSchedule s, String by) {
        jdbc.sql("""
                INSERT INTO schedule (camera_id, mode, windows, time_zone, retention_days, updated_at, updated_by)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (camera_id) DO UPDATE SET mode = EXCLUDED.mode, windows = EXCLUDED.windows,
                    time_zone = EXCLUDED.time_zone, retention_days = EXCLUDED.retention_days,
                    updated_at = EXCLUDED.updated_at, updated_by = EXCLUDED.updated_by""")
                .params(s.camera().value(), s.mode().name(), windows(s.windows()), s.zone().getId(), s.retentionDays(),
                        Timestamp.from(Instant.now()), by)
                .update();
    }

    private static String windows(List<WeeklyWindow> windows) {
        return windows.stream().map(w -> w.days().stream().sorted().map(d -> d.name().substring(0, 3))
                .collect(Collectors.joining(",")) + " " + w.from() + "-" + w.to()).collect(Collectors.joining(";"));
    }

    private static List<WeeklyWindow> windows(String text) {
        List<WeeklyWindow> windows = new ArrayList<>();
        if (text == null || text.isBlank() || text.equals("[]")) {
            return windows;
        }
        for (String w : text.split(";")) {
            String[] parts = w.strip().split(" ");
            EnumSet<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
            for (String d : parts[0].split(",")) {
                for (DayOfWeek day : DayOfWeek.values()) {
                    if (day.name().startsWith(d)) {
                        days.add(day);
                    }
                }
            }
            String[] times = parts[1].split("-");
            windows.add(new WeeklyWindow(days, LocalTime.parse(times[0]), LocalTime.parse(times[1])));
        }
        return windows;
    }

    private static RecordingSchedule row(ResultSet rs) throws SQLException {
        int retention = rs.getInt("retention_days");
        Integer retentionDays = rs.wasNull() ? null : retention;
        return new RecordingSchedule(new CameraId(rs.getObject("camera_id", UUID.class)), RecordingMode.valueOf(rs.getString("mode")),
                windows(rs.getString("windows")), ZoneId.of(rs.getString("time_zone")), retentionDays);
    }
}
