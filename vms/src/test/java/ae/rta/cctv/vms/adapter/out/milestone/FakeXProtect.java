package ae.rta.cctv.vms.adapter.out.milestone;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A Milestone XProtect API Gateway for tests, speaking the documented subset the system uses: the identity
 * provider's password grant ({@code POST /API/IDP/connect/token}) and the camera inventory
 * ({@code GET /API/rest/v1/cameras}, {@code {"array":[...]}}). It fails like the real one: 401 for an unknown or
 * revoked token, 5xx when told to, and slow answers when told to; other resources answer XProtect's 404 body.
 */
public final class FakeXProtect implements AutoCloseable {

    public record XpCamera(String id, String name, boolean ptz, boolean enabled) {
    }

    private final HttpServer server;
    private final String username;
    private final String password;
    private final long expiresIn;
    private final Set<String> tokens = ConcurrentHashMap.newKeySet();
    private final Map<String, XpCamera> cameras = Collections.synchronizedMap(new LinkedHashMap<>());
    private final AtomicInteger failures = new AtomicInteger();
    private volatile int failureStatus = 503;
    private final AtomicInteger slow = new AtomicInteger();
    private volatile long slowMillis;
    final AtomicInteger tokenRequests = new AtomicInteger();
    final AtomicInteger unauthorised = new AtomicInteger();
    final AtomicInteger serverErrors = new AtomicInteger();

    public FakeXProtect(String username, String password, long expiresIn) {
        this.username = username;
        this.password = password;
        this.expiresIn = expiresIn;
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.start();
    }

    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    public void put(XpCamera camera) {
        cameras.put(camera.id(), camera);
    }

    void remove(String id) {
        cameras.remove(id);
    }

    /** Makes every token issued so far invalid, as when they expire early or the server restarts. */
    void revokeTokens() {
        tokens.clear();
    }

    void failNext(int count, int status) {
        failureStatus = status;
        failures.set(count);
    }

    void slowNext(int count, long millis) {
        slowMillis = millis;
        slow.set(count);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        try {
            if (slow.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                Thread.sleep(slowMillis);
            }
            if (failures.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                serverErrors.incrementAndGet();
                send(exchange, failureStatus, "{\"error\":{\"httpCode\":" + failureStatus + ",\"details\":[{\"errorText\":\"Service unavailable\"}]}}");
                return;
            }
            if (path.equals("/API/IDP/connect/token") && exchange.getRequestMethod().equals("POST")) {
                tokenRequests.incrementAndGet();
                Map<String, String> form = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
                if (!"password".equals(form.get("grant_type")) || !"GrantValidatorClient".equals(form.get("client_id"))
                        || !username.equals(form.get("username")) || !password.equals(form.get("password"))) {
                    send(exchange, 400, "{\"error\":\"invalid_grant\"}");
                    return;
                }
                String token = UUID.randomUUID().toString();
                tokens.add(token);
                send(exchange, 200, "{\"access_token\":\"" + token + "\",\"expires_in\":" + expiresIn
                        + ",\"token_type\":\"Bearer\",\"scope\":\"managementserver\"}");
                return;
            }
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            if (authorization == null || !authorization.startsWith("Bearer ") || !tokens.contains(authorization.substring(7))) {
                unauthorised.incrementAndGet();
                send(exchange, 401, "{\"error\":{\"httpCode\":401,\"details\":[{\"errorText\":\"Unauthorized\"}]}}");
                return;
            }
            if (path.equals("/API/rest/v1/cameras")) {
                StringBuilder body = new StringBuilder("{\"array\":[");
                synchronized (cameras) {
                    boolean first = true;
                    for (XpCamera c : cameras.values()) {
                        body.append(first ? "" : ",").append("{\"id\":\"").append(c.id()).append("\",\"name\":\"")
                                .append(c.name()).append(" (hardware)\",\"displayName\":\"").append(c.name())
                                .append("\",\"enabled\":").append(c.enabled()).append(",\"ptzEnabled\":").append(c.ptz())
                                .append(",\"recordingEnabled\":true,\"relations\":{\"parent\":{\"type\":\"hardware\",\"id\":\"")
                                .append(UUID.nameUUIDFromBytes(c.id().getBytes(StandardCharsets.UTF_8))).append("\"}}}");
                        first = false;
                    }
                }
                send(exchange, 200, body.append("]}").toString());
                return;
            }
            send(exchange, 404, "{\"error\":{\"httpCode\":404,\"details\":[{\"errorText\":\"Unknown resource: " + path + "\"}]}}");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Map<String, String> form(String body) {
        Map<String, String> form = new HashMap<>();
        for (String pair : body.split("&")) {
            String[] kv = pair.split("=", 2);
            form.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                    kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
        }
        return form;
    }

    private static void send(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        try {
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
        } catch (IOException e) {
            // the client gave up waiting (slow-answer tests)
        }
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
