package ae.rta.cctv.vms.adapter.out.milestone;

import ae.rta.cctv.vms.application.port.out.UpstreamInventory.InventoryUnavailableException;
import ae.rta.cctv.vms.application.port.out.UpstreamInventory.UpstreamCamera;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The XProtect API Gateway of one server: a token from its identity provider ({@code /API/IDP/connect/token},
 * password grant), renewed when 80% of its life has passed, and the REST camera inventory
 * ({@code /API/rest/v1/cameras}). A 401 (token expired or revoked early) gets one new token and one retry; a 5xx, a
 * slow or failed connection is retried with exponential backoff, then reported.
 */
public final class MilestoneClient {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final MilestoneServer server;
    private final HttpClient http;
    private final Clock clock;
    private final Duration timeout;
    private final int attempts;
    private final Duration backoff;
    private String token;
    private Instant renewAt = Instant.MIN;
    private int tokensFetched;

    public MilestoneClient(MilestoneServer server, HttpClient http, Clock clock, Duration timeout, int attempts,
            Duration backoff) {
        this.server = server;
        this.http = http;
        this.clock = clock;
        this.timeout = timeout;
        this.attempts = attempts;
        this.backoff = backoff;
    }

    /** Every camera the server lists. @throws InventoryUnavailableException after the retries */
    public synchronized List<UpstreamCamera> cameras() {
        JsonNode body = get("/API/rest/v1/cameras");
        List<UpstreamCamera> cameras = new ArrayList<>();
        JsonNode array = body.get("array");
        if (array == null || !array.isArray()) {
            throw new InventoryUnavailableException("XProtect answered cameras without an array", null);
        }
        for (JsonNode c : array) {
            String name = text(c, "displayName");
            cameras.add(new UpstreamCamera(text(c, "id"), name.isBlank() ? text(c, "name") : name,
                    c.path("ptzEnabled").asBoolean(false), c.path("enabled").asBoolean(true)));
        }
        return cameras;
    }

    /** How many tokens this client has asked for (for diagnostics and tests). */
    public synchronized int tokensFetched() {
        return tokensFetched;
    }

    private JsonNode get(String path) {
        String failure = "no attempt made";
        boolean renewed = false;
        for (int attempt = 1; attempt <= attempts; attempt++) {
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(server.baseUrl().resolve(path))
                        .timeout(timeout).header("Authorization", "Bearer " + token())
                        .header("Accept", "application/json").GET().build(), HttpResponse.BodyHandlers.ofString());
                int status = response.statusCode();
                if (status == 401 && !renewed) {
                    token = null;
                    renewed = true;
                    attempt--;
                    continue;
                }
                if (status >= 200 && status < 300) {
                    return JSON.readTree(response.body());
                }
                failure = "XProtect answered HTTP " + status;
                if (status < 500) {
                    throw new InventoryUnavailableException(failure + " for " + path, null);
                }
            } catch (IOException e) {
                failure = "XProtect did not answer (" + e.getClass().getSimpleName() + ")";
            } catch (JacksonException e) {
                throw new InventoryUnavailableException("XProtect answered something that is not JSON", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InventoryUnavailableException("interrupted", e);
            }
            if (attempt < attempts) {
                pause(backoff.multipliedBy(1L << (attempt - 1)));
            }
        }
        throw new InventoryUnavailableException(failure + " after " + attempts + " attempts", null);
    }

    private String token() throws IOException, InterruptedException {
        if (token != null && clock.instant().isBefore(renewAt)) {
            return token;
        }
        String form = "grant_type=password&username=" + url(server.username()) + "&password=" + url(server.password())
                + "&client_id=GrantValidatorClient";
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(server.baseUrl().resolve("/API/IDP/connect/token"))
                .timeout(timeout).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 500) {
            throw new IOException("the identity provider answered HTTP " + response.statusCode());
        }
        if (response.statusCode() != 200) {
            throw new InventoryUnavailableException("XProtect refused the login (HTTP " + response.statusCode()
                    + "): check cctv.vms.milestone username and password", null);
        }
        JsonNode body = JSON.readTree(response.body());
        String accessToken = text(body, "access_token");
        long expiresIn = body.path("expires_in").asLong(3600);
        if (accessToken.isBlank()) {
            throw new InventoryUnavailableException("XProtect's identity provider answered no access_token", null);
        }
        token = accessToken;
        tokensFetched++;
        renewAt = clock.instant().plus(Duration.ofSeconds(expiresIn).multipliedBy(8).dividedBy(10));
        return token;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? "" : value.asString();
    }

    private static String url(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static void pause(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
