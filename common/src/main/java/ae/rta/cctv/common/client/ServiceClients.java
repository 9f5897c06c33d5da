package ae.rta.cctv.common.client;

import ae.rta.cctv.common.security.ServiceCredentials;
import ae.rta.cctv.common.web.RequestIdFilter;
import java.net.http.HttpClient;
import java.time.Duration;
import org.slf4j.MDC;
import org.springframework.http.HttpHeaders;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

/**
 * Builds the {@link RestClient} a typed client of another service uses: it carries this service's credential and
 * the current request id, and gives up on a silent peer after the read timeout.
 */
public final class ServiceClients {

    private final ServiceCredentials credentials;
    private final RestClient.Builder builder;

    public ServiceClients(ServiceCredentials credentials, RestClient.Builder builder) {
        this.credentials = credentials;
        this.builder = builder;
    }

    public RestClient forBaseUrl(String baseUrl, Duration readTimeout) {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1) // services speak HTTP/1.1: no h2c upgrade offer
                .connectTimeout(Duration.ofSeconds(2)).build();
        JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(http);
        factory.setReadTimeout(readTimeout);
        return builder.clone()
                .baseUrl(baseUrl)
                .requestFactory(factory)
                .requestInterceptor((request, body, execution) -> {
                    request.getHeaders().setBearerAuth(credentials.token());
                    String requestId = MDC.get(RequestIdFilter.MDC_KEY);
                    if (requestId != null) {
                        request.getHeaders().set(RequestIdFilter.HEADER, requestId);
                    }
                    return execution.execute(request, body);
                })
                .defaultHeader(HttpHeaders.ACCEPT, "application/json")
                .observationConvention(new BoundedUriConvention())
                .build();
    }
}
