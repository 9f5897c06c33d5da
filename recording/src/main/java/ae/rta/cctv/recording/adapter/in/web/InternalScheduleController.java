package ae.rta.cctv.recording.adapter.in.web;

import ae.rta.cctv.common.domain.CameraId;
import ae.rta.cctv.recording.application.RecorderSupervisor;
import ae.rta.cctv.recording.application.port.out.ScheduleRepository;
import ae.rta.cctv.recording.domain.RecordingMode;
import ae.rta.cctv.recording.domain.RecordingSchedule;
import ae.rta.cctv.recording.domain.WeeklyWindow;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/** Recording schedules for the api service, and what this instance records. */
@RestController
class InternalScheduleController {

    private final ScheduleRepository schedules;
    private final RecorderSupervisor supervisor;
    private final RecordingMode defaultMode;

    private final java.time.Clock clock;

    InternalScheduleController(ScheduleRepository schedules, RecorderSupervisor supervisor, RecordingMode defaultMode,
            java.time.Clock clock) {
        this.clock = clock;
        this.schedules = schedules;
        this.supervisor = supervisor;
        this.defaultMode = defaultMode;
    }

    record Window(List<String> days, String from, String to) {
    }

    record Change(String mode, List<Window> windows, String timeZone, Integer retentionDays) {
    }

    /**
     * Whether each camera's schedule says record at {@code at}: every camera with a schedule of its own; any other
     * camera follows {@code defaultMode}.
     */
    record ScheduleState(String cameraId, String mode, boolean recordsNow) {
    }

    record ScheduleStates(String defaultMode, java.time.Instant at, List<ScheduleState> items) {
    }

    @GetMapping("/internal/schedules")
    ScheduleStates all() {
        java.time.Instant now = clock.instant();
        return new ScheduleStates(defaultMode.name(), now, schedules.all().stream()
                .map(s -> new ScheduleState(s.camera().toString(), s.mode().name(), s.recordsAt(now))).toList());
    }

    @GetMapping("/internal/schedules/{camera}")
    Map<String, Object> get(@PathVariable String camera) {
        CameraId id = CameraId.parse(camera);
        return view(schedules.find(id).orElse(new RecordingSchedule(id, defaultMode, List.of(), ZoneId.of("Asia/Dubai"), null)));
    }

    @PutMapping("/internal/schedules/{camera}")
    Map<String, Object> put(@PathVariable String camera, @RequestBody Change body,
            @RequestHeader(name = "X-Cctv-Actor", defaultValue = "unknown") String actor) {
        if (body.mode() == null) {
            throw new IllegalArgumentException("mode is required: CONTINUOUS, SCHEDULED or OFF");
        }
        RecordingMode mode;
        try {
            mode = RecordingMode.valueOf(body.mode().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("mode must be CONTINUOUS, SCHEDULED or OFF");
        }
        ZoneId zone;
        try {
            zone = ZoneId.of(body.timeZone() == null ? "Asia/Dubai" : body.timeZone());
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("timeZone must be a region such as Asia/Dubai");
        }
        List<WeeklyWindow> windows = body.windows() == null ? List.of() : body.windows().stream().map(w -> window(w)).toList();
        RecordingSchedule schedule = new RecordingSchedule(CameraId.parse(camera), mode, windows, zone, body.retentionDays());
        schedules.save(schedule, actor.length() > 100 ? actor.substring(0, 100) : actor);
        return view(schedule);
    }

    @GetMapping("/internal/recorders")
    Map<String, Object> recorders() {
        return Map.of("instance", supervisor.instance(), "cameras", supervisor.recording().entrySet().stream()
                .map(e -> Map.of("cameraId", e.getKey().toString(), "fence", e.getValue())).toList());
    }

    private static WeeklyWindow window(Window w) {
        if (w == null || w.days() == null || w.from() == null || w.to() == null) {
            throw new IllegalArgumentException("a window needs days, from and to");
        }
        EnumSet<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        for (String d : w.days()) {
            DayOfWeek day = switch (d == null ? "" : d.toUpperCase(Locale.ROOT)) {
                case "MON" -> DayOfWeek.MONDAY;
                case "TUE" -> DayOfWeek.TUESDAY;
                case "WED" -> DayOfWeek.WEDNESDAY;
                case "THU" -> DayOfWeek.THURSDAY;
                case "FRI" -> DayOfWeek.FRIDAY;
                case "SAT" -> DayOfWeek.SATURDAY;
                case "SUN" -> DayOfWeek.SUNDAY;
                default -> throw new IllegalArgumentException("days must be MON, TUE, WED, THU, FRI, SAT or SUN");
            };
            days.add(day);
        }
        try {
            return new WeeklyWindow(days, LocalTime.parse(w.from()), LocalTime.parse(w.to()));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("from and to must be times such as 08:00");
        }
    }

    private static Map<String, Object> view(RecordingSchedule s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("cameraId", s.camera().toString());
        m.put("mode", s.mode().name());
        m.put("windows", s.windows().stream().map(w -> Map.of("days", w.days().stream().sorted()
                .map(d -> d.name().substring(0, 3)).toList(), "from", w.from().toString(), "to", w.to().toString())).toList());
        m.put("timeZone", s.zone().getId());
        m.put("retentionDays", s.retentionDays());
        return m;
    }
}
