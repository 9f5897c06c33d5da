package ae.rta.cctv.common;

import ae.rta.cctv.common.client.ServiceClients;
import ae.rta.cctv.common.security.AddressRanges;
import ae.rta.cctv.common.security.ClientAddressFilter;
import ae.rta.cctv.common.security.InternalCallFilter;
import ae.rta.cctv.common.security.MetricsAccessFilter;
import ae.rta.cctv.common.security.ServiceCredentials;
import ae.rta.cctv.common.web.BodySizeLimitFilter;
import ae.rta.cctv.common.web.ProblemErrorController;
import ae.rta.cctv.common.web.ProblemErrorReportValve;
import ae.rta.cctv.common.web.RequestFirewallFilter;
import ae.rta.cctv.common.web.WholeUnicodeStrings;
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
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.apache.catalina.Lifecycle;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.tomcat.util.buf.EncodedSolidusHandling;
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

    /**
     * JSON input is taken as typed: a number, boolean or array is not a string (nor the other way round), and a
     * string is whole Unicode (no lone surrogate half, which could not be stored as sent).
     */
    @Bean
    JsonMapperBuilderCustomizer strictScalarInput() {
        return builder -> builder.addModule(WholeUnicodeStrings.module()).withCoercionConfig(LogicalType.Textual, config -> config
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

    /*
     * Order of the guards: the request id first (every answer carries it), then the internal-route guard and the
     * metrics guard, which read the path the widest way (so every spelling of /internal is 401 without a credential),
     * then the firewall, which refuses any path or query that is not in its plain form (400), then the body limit.
     */
    @Bean
    FilterRegistrationBean<InternalCallFilter> internalCallFilter(ServiceCredentials credentials) {
        FilterRegistrationBean<InternalCallFilter> registration = new FilterRegistrationBean<>(new InternalCallFilter(credentials));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 6);
        return registration;
    }

    @Bean
    FilterRegistrationBean<MetricsAccessFilter> metricsAccessFilter(@Value("${cctv.metrics.allow:}") String allow,
            @Value("${cctv.metrics.token:}") String token) {
        FilterRegistrationBean<MetricsAccessFilter> registration = new FilterRegistrationBean<>(
                new MetricsAccessFilter(AddressRanges.parse(allow), token));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 7);
        return registration;
    }

    /** After the metrics guard, which must see the real peer: X-Forwarded-For only from known proxies. */
    @Bean
    FilterRegistrationBean<ClientAddressFilter> clientAddressFilter(
            @Value("${cctv.web.trusted-proxies:}") String trustedProxies, ServiceCredentials credentials) {
        FilterRegistrationBean<ClientAddressFilter> registration = new FilterRegistrationBean<>(
                new ClientAddressFilter(AddressRanges.parse(trustedProxies), credentials, java.util.Set.of("dashboard")));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 9);
        return registration;
    }

    @Bean
    FilterRegistrationBean<RequestFirewallFilter> requestFirewallFilter(
            @Value("${cctv.web.max-parameters:1000}") int maxParameters) {
        FilterRegistrationBean<RequestFirewallFilter> registration = new FilterRegistrationBean<>(
                new RequestFirewallFilter(maxParameters));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 8);
        return registration;
    }

    /**
     * Tomcat hands encoded slashes and backslashes to the filters as they are (so the guards and the firewall decide
     * on them, not a container page), and its own refusals are answered as problem+json by
     * {@link ProblemErrorReportValve}, which replaces the host's HTML error report.
     */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemJsonTomcat() {
        return factory -> {
            factory.addConnectorCustomizers(connector -> {
                connector.setEncodedSolidusHandling(EncodedSolidusHandling.PASS_THROUGH.getValue());
                connector.setEncodedReverseSolidusHandling(EncodedSolidusHandling.PASS_THROUGH.getValue());
                // Characters RFC 3986 reserves but browsers and scripts send raw in queries reach the firewall and
                // the handlers (a 400 problem+json from there), instead of Tomcat dropping the connection mid-body.
                connector.setProperty("relaxedQueryChars", "[]|{}^`\"<>");
            });
            factory.addContextCustomizers(context -> context.addLifecycleListener(event -> {
                if (Lifecycle.BEFORE_START_EVENT.equals(event.getType()) && context.getParent() instanceof StandardHost host) {
                    host.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
                    for (Valve valve : host.getPipeline().getValves()) {
                        if (valve instanceof ErrorReportValve && !(valve instanceof ProblemErrorReportValve)) {
                            host.getPipeline().removeValve(valve);
                            host.getPipeline().addValve(new ProblemErrorReportValve());
                        }
                    }
                }
            }));
        };
    }
}
