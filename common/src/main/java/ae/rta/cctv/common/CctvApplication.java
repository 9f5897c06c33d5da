package ae.rta.cctv.common;

import java.util.Map;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/** Starts one CCTV service as its own Spring application, reading {@code cctv-common} and then its own config file. */
public final class CctvApplication {

    private CctvApplication() {
    }

    /** The builder for service {@code name}: its config file is {@code <name>.properties} on the classpath. */
    public static SpringApplicationBuilder builder(Class<?> application, String name) {
        return new SpringApplicationBuilder(application)
                .properties(Map.of("spring.config.name", "cctv-common," + name, "spring.application.name", name));
    }

    /**
     * The builder for service {@code name} with {@code overrides} taking precedence over every config file and the
     * environment: how the launcher and tests give each service its ports, engines and secrets.
     */
    public static SpringApplicationBuilder builder(Class<?> application, String name, Map<String, Object> overrides) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("cctv-overrides", Map.copyOf(overrides)));
        return builder(application, name).environment(environment);
    }

    public static ConfigurableApplicationContext run(Class<?> application, String name, String... args) {
        return builder(application, name).run(args);
    }
}
