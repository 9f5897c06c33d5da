package ae.rta.cctv.recording;

import ae.rta.cctv.common.CctvApplication;
import ae.rta.cctv.common.redis.CctvRedisConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The recording service (port 8083): schedules, FFmpeg recorders, spool, upload, camera leases. */
@SpringBootApplication
@Import(CctvRedisConfiguration.class)
public class RecordingApplication {

    public static final String NAME = "recording";

    public static void main(String[] args) {
        CctvApplication.run(RecordingApplication.class, NAME, args);
    }
}
