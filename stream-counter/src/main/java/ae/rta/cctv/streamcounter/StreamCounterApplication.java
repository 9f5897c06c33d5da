package ae.rta.cctv.streamcounter;

import ae.rta.cctv.common.CctvApplication;
import ae.rta.cctv.common.redis.CctvRedisConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The stream-counter service (port 8087): per-agency live-stream quotas. */
@SpringBootApplication
@Import(CctvRedisConfiguration.class)
public class StreamCounterApplication {

    public static final String NAME = "stream-counter";

    public static void main(String[] args) {
        CctvApplication.run(StreamCounterApplication.class, NAME, args);
    }
}
