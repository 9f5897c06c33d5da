package ae.rta.cctv.api;

import ae.rta.cctv.common.CctvApplication;
import ae.rta.cctv.common.redis.CctvRedisConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The api service (port 8088): the public API: auth, RBAC, rate limits, audit, orchestration. */
@SpringBootApplication
@Import(CctvRedisConfiguration.class)
public class ApiApplication {

    public static final String NAME = "api";

    public static void main(String[] args) {
        CctvApplication.run(ApiApplication.class, NAME, args);
    }
}
