package ae.rta.cctv.common;

import ae.rta.cctv.common.client.ServiceClients;
import ae.rta.cctv.common.security.InternalCallFilter;
import ae.rta.cctv.common.security.ServiceCredentials;
import ae.rta.cctv.common.web.BodySizeLimitFilter;
import ae.rta.cctv.common.web.ProblemErrorController;
import ae.rta.cctv.common.web.ProblemHandler;
import ae.rta.cctv.common.web.RequestIdFilter;
import ae.rta.cctv.common.web.SecurityHeadersFilter;
import ae.rta.cctv.common.web.WebSettings;
import java.time.Clock;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.type.LogicalType;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.web.client.RestClient;

/** What every CCTV service gets: clock, problem+json errors, request ids, body limits and service credentials. */
@AutoConfiguration(before = ErrorMvcAutoConfiguration.class)
@EnableConfigurationProperties(WebSettings.class)
public class CctvCommonAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    /** JSON input is taken as typed: a number, boolean or array is not a string (nor the other way round). */
    @Bean
    JsonMapperBuilderCustomizer strictScalarInput() {
        return builder -> builder.withCoercionConfig(LogicalType.Textual, config -> config
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail));
    }

    @Bean
    ProblemHandler problemHandler() {
        return new ProblemHandler();
    }

    @Bean
    ProblemErrorController problemErrorController() {
        return new ProblemErrorController();
    }

    @Bean
    ServiceCredentials serviceCredentials(@Value("${spring.application.name}") String service,
            @Value("${cctv.security.service-secret:}") String secret, Clock clock) {
        return new ServiceCredentials(service, secret, clock);
    }

    @Bean
    ServiceClients serviceClients(ServiceCredentials credentials, RestClient.Builder builder) {
        return new ServiceClients(credentials, builder);
    }

    @Bean
    FilterRegistrationBean<RequestIdFilter> requestIdFilter(@Value("${spring.application.name}") String service) {
        FilterRegistrationBean<RequestIdFilter> registration = new FilterRegistrationBean<>(new RequestIdFilter(service));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    @Bean
    FilterRegistrationBean<SecurityHeadersFilter> securityHeadersFilter(WebSettings settings) {
        FilterRegistrationBean<SecurityHeadersFilter> registration = new FilterRegistrationBean<>(
                new SecurityHeadersFilter(settings.contentSecurityPolicy(), settings.noStore()));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 5);
        return registration;
    }

    @Bean
    FilterRegistrationBean<BodySizeLimitFilter> bodySizeLimitFilter(WebSettings settings) {
        FilterRegistrationBean<BodySizeLimitFilter> registration = new FilterRegistrationBean<>(
                new BodySizeLimitFilter(settings.maxBodySize().toBytes(), settings.unlimitedBodyPaths()));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

    @Bean
    FilterRegistrationBean<InternalCallFilter> internalCallFilter(ServiceCredentials credentials) {
        FilterRegistrationBean<InternalCallFilter> registration = new FilterRegistrationBean<>(new InternalCallFilter(credentials));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
        return registration;
    }
}
