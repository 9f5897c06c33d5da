package ae.rta.cctv.api.adapter.in.web;

import ae.rta.cctv.api.ApiSettings;
import ae.rta.cctv.api.application.AuditTrail;
import ae.rta.cctv.api.application.BearerAuthenticator;
import ae.rta.cctv.api.application.RequestOrigin;
import ae.rta.cctv.api.application.port.out.RateLimiter;
import ae.rta.cctv.api.domain.Caller;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;
import org.springframework.web.filter.CorsFilter;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** The public API's web plumbing: CORS, authentication and rate limits, the access policy, caller parameters. */
@Configuration(proxyBeanMethods = false)
class ApiWebConfiguration implements WebMvcConfigurer {

    static {
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(Caller.class, RequestOrigin.class);
    }

    private final AuditTrail audit;

    ApiWebConfiguration(AuditTrail audit) {
        this.audit = audit;
    }

    @Bean
    FilterRegistrationBean<AuthenticationFilter> authenticationFilter(BearerAuthenticator authenticator,
            RateLimiter limiter, ApiSettings settings, MeterRegistry registry) {
        ApiSettings.RateLimit rate = settings.rateLimit();
        RateLimiter.Limit perUser = new RateLimiter.Limit(rate.userBurst(),
                Duration.ofNanos(1_000_000_000L * rate.userBurst() / rate.userPerSecond()));
        RateLimiter.Limit perAgency = new RateLimiter.Limit(rate.agencyBurst(),
                Duration.ofNanos(1_000_000_000L * rate.agencyBurst() / rate.agencyPerSecond()));
        FilterRegistrationBean<AuthenticationFilter> registration = new FilterRegistrationBean<>(
                new AuthenticationFilter(authenticator, limiter, perUser, perAgency, registry));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 40);
        return registration;
    }

    /** Off unless origins are configured: the dashboard is served from the same origin as the API it calls. */
    @Bean
    FilterRegistrationBean<CorsFilter> corsFilter(ApiSettings settings) {
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        if (!settings.corsAllowedOrigins().isEmpty()) {
            CorsConfiguration cors = new CorsConfiguration();
            cors.setAllowedOrigins(settings.corsAllowedOrigins());
            cors.setAllowedMethods(List.of("GET", "POST", "PUT", "PATCH", "DELETE"));
            cors.setAllowedHeaders(List.of("Authorization", "Content-Type", "X-Request-Id"));
            cors.setExposedHeaders(List.of("Retry-After", "X-Request-Id", "Location"));
            cors.setMaxAge(Duration.ofHours(1));
            source.registerCorsConfiguration("/api/**", cors);
        }
        FilterRegistrationBean<CorsFilter> registration = new FilterRegistrationBean<>(new CorsFilter(source));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 30);
        return registration;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new AccessInterceptor(audit));
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new CallerArguments());
    }
}
