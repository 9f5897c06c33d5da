package ae.rta.cctv.common;

import java.util.Map;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** Starts one CCTV service as its own Spring application, reading {@code cctv-common} and then its own config file. */
public final class CctvApplication {

    private CctvApplication() {
    }

    /** The builder for service {@code name}: its config file is {@code <name>.properties} on the classpath. */
    public static SpringApplicationBuilder builder(Class<?> application, String name) {
        return new SpringApplicationBuilder(application)
                .properties(Map.of("spring.config.name", "cctv-common," + name, "spring.application.name", name));
    }

    public static ConfigurableApplicationContext run(Class<?> application, String name, String... args) {
        return builder(application, name).run(args);
    }
}
