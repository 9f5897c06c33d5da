package ae.rta.cctv.api;

import ae.rta.cctv.common.CctvApplication;
import ae.rta.cctv.common.redis.CctvRedisConfiguration;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;

/** The api service (port 8088): the public API: auth, RBAC, rate limits, audit, orchestration. */
@SpringBootApplication
@Import(CctvRedisConfiguration.class)
@OpenAPIDefinition(info = @Info(title = "RTA CCTV VMS public API", version = "v1",
        description = "Every route but login, refresh, JWKS and this document needs a bearer access token. Errors are "
                + "application/problem+json."), security = @SecurityRequirement(name = "bearer"))
@SecurityScheme(name = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT")
public class ApiApplication {

    public static final String NAME = "api";

    public static void main(String[] args) {
        CctvApplication.run(ApiApplication.class, NAME, args);
    }
}
