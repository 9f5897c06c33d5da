package ae.rta.cctv.launcher.dashboard;

import ae.rta.cctv.common.security.ClientAddressFilter;
import ae.rta.cctv.common.security.ServiceCredentials;
import ae.rta.cctv.common.web.ProblemException;
import ae.rta.cctv.common.web.RequestIdFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Collections;
import java.util.Locale;
import java.util.Set;
import org.slf4j.MDC;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
class DashboardRoutes {

    private static final Set<String> SERVICES = Set.of("vms", "storage", "recording", "metadata", "live",
            "stream-counter", "api", "playback");
    /* Hop-by-hop headers (RFC 9110 7.6.1) and those the JDK client sets itself are not forwarded. */
    private static final Set<String> NOT_FORWARDED = Set.of("connection", "keep-alive", "proxy-authenticate",
            "proxy-authorization", "te", "x-forwarded-for", "x-cctv-proxy-credential", "trailer", "transfer-encoding", "upgrade", "host", "content-length", "expect");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final Environment environment;
    private final Resource index = new ClassPathResource("dashboard/index.html");

    private final ServiceCredentials credentials;

    DashboardRoutes(Environment environment, ServiceCredentials credentials) {
        this.environment = environment;
        this.credentials = credentials;
    }

    @GetMapping(value = {"/", "/{page:[a-z0-9-]+}", "/{page:[a-z0-9-]+}/{sub:[a-zA-Z0-9-]+}"}, produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<Resource> app() {
        if (!index.exists()) {
            throw ProblemException.notFound("The dashboard was not built: run ./cctv run, which builds it.");
        }
        return ResponseEntity.ok().header("Cache-Control", "no-cache").body(index);
    }

    @GetMapping("/services/{name}/health")
    void health(@PathVariable String name, HttpServletResponse response) throws IOException {
        if (!SERVICES.contains(name)) {
            throw ProblemException.notFound("No service is called '" + name + "'.");
        }
        String base = environment.getProperty("cctv.services." + name + ".url", "http://127.0.0.1");
        forward("GET", URI.create(base + "/health"), null, null, response);
    }

    @RequestMapping("/api/**")
    void api(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String base = environment.getProperty("cctv.services.api.url", "http://127.0.0.1:8088");
        String query = request.getQueryString();
        URI target = URI.create(base + request.getRequestURI() + (query == null ? "" : "?" + query));
        forward(request.getMethod(), target, request, request.getInputStream(), response);
    }

    private void forward(String method, URI target, HttpServletRequest incoming, InputStream body,
            HttpServletResponse response) throws IOException {
        HttpRequest.Builder out = HttpRequest.newBuilder(target).timeout(Duration.ofMinutes(10))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofInputStream(() -> body));
        if (incoming != null) {
            for (String name : Collections.list(incoming.getHeaderNames())) {
                if (!NOT_FORWARDED.contains(name.toLowerCase(Locale.ROOT))) {
                    for (String value : Collections.list(incoming.getHeaders(name))) {
                        out.header(name, value);
                    }
                }
            }
            // The api believes this address because the credential shows the dashboard server sent it.
            out.header("X-Forwarded-For", incoming.getRemoteAddr());
            out.header(ClientAddressFilter.PROXY_CREDENTIAL, credentials.token());
        }
        String requestId = MDC.get(RequestIdFilter.MDC_KEY);
        if (requestId != null) {
            out.setHeader(RequestIdFilter.HEADER, requestId);
        }
        HttpResponse<InputStream> answer;
        try {
            answer = http.send(out.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            throw ProblemException.unavailable("The " + target.getPort() + " service did not answer.");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ProblemException.unavailable("Interrupted while forwarding.");
        }
        response.setStatus(answer.statusCode());
        answer.headers().map().forEach((name, values) -> {
            if (!NOT_FORWARDED.contains(name.toLowerCase(Locale.ROOT)) && !name.equalsIgnoreCase(RequestIdFilter.HEADER)) {
                // The upstream's value replaces this server's default (security headers are set on both).
                response.setHeader(name, values.getFirst());
                values.stream().skip(1).forEach(v -> response.addHeader(name, v));
            }
        });
        try (InputStream in = answer.body(); OutputStream sink = response.getOutputStream()) {
            in.transferTo(sink);
        }
    }
}
