package ae.rta.cctv.api.adapter.out.http;

import ae.rta.cctv.api.application.port.out.ServiceGateway;
import ae.rta.cctv.common.client.ServiceProblems;
import java.util.Map;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/** {@link ServiceGateway} over a typed-client {@link RestClient} (service credential and request id included). */
public final class HttpServiceGateway implements ServiceGateway {

    private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
    };

    private final String service;
    private final RestClient client;

    public HttpServiceGateway(String service, RestClient client) {
        this.service = service;
        this.client = client;
    }

    @Override
    public Map<String, Object> call(String method, String path, Object body, String actor) {
        return call(method, path, body, actor == null ? Map.of() : Map.of("X-Cctv-Actor", actor));
    }

    @Override
    public Map<String, Object> call(String method, String path, Object body, String actor, Object... variables) {
        return call(method, path, body, actor == null ? Map.<String, String>of() : Map.of("X-Cctv-Actor", actor), variables);
    }

    /**
     * As {@link #call(String, String, Object, String)}, with any request headers.
     *
     * @param path a URI template whose {@code {}} variables are filled, encoded, from {@code variables}
     */
    public Map<String, Object> call(String method, String path, Object body, Map<String, String> headers,
            Object... variables) {
        try {
            RestClient.RequestBodySpec request = client.method(HttpMethod.valueOf(method)).uri(path, variables);
            headers.forEach(request::header);
            if (body != null) {
                request.body(body);
            }
            Map<String, Object> answer = request.retrieve().body(JSON);
            return answer == null ? Map.of() : answer;
        } catch (HttpClientErrorException e) {
            throw ServiceProblems.passOn(e);
        } catch (org.springframework.web.client.HttpServerErrorException.NotImplemented e) {
            throw ServiceProblems.passOn(e); // a capability the service says it does not have: not an outage
        } catch (org.springframework.web.client.HttpServerErrorException.BadGateway e) {
            throw ServiceProblems.passOn(e); // the service is up; what it reaches (a camera, an upstream VMS) failed
        } catch (RestClientException e) {
            throw new UnavailableException(service, e);
        }
    }
}
