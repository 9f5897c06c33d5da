package ae.rta.cctv.api;

import static org.assertj.core.api.Assertions.assertThat;

import ae.rta.cctv.common.CctvApplication;
import ae.rta.cctv.testsupport.ServiceHttp;
import ae.rta.cctv.testsupport.TestEngines;
import ae.rta.cctv.metadata.MetadataApplication;
import ae.rta.cctv.recording.RecordingApplication;
import ae.rta.cctv.storage.StorageApplication;
import ae.rta.cctv.streamcounter.StreamCounterApplication;
import ae.rta.cctv.vms.VmsApplication;
import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The vms, stream-counter, storage, recording, metadata and api services, started once per test JVM in demo mode
 * against the shared PostgreSQL and redis-server, with an OIDC provider stand-in configured. Tests talk to the api
 * over HTTP as any client would.
 */
final class ApiSystem {

    static final String DEMO_PASSWORD = "demo-password-for-tests";
    static final JsonMapper JSON = JsonMapper.builder().build();

    private static ApiSystem instance;

    final OidcFixture oidc = new OidcFixture();
    final ConfigurableApplicationContext vms;
    final ConfigurableApplicationContext streamCounter;
    final ConfigurableApplicationContext storage;
    final ConfigurableApplicationContext recording;
    final ConfigurableApplicationContext metadata;
    final ConfigurableApplicationContext api;
    final ServiceHttp http;
    final JdbcClient db;

    private ApiSystem(Map<String, Object> overrides) {
        vms = CctvApplication.builder(VmsApplication.class, "vms", common()).run();
        Map<String, Object> counterProperties = new HashMap<>(common());
        counterProperties.put("cctv.redis.url", TestEngines.redis().url());
        counterProperties.put("cctv.stream-counter.sample-interval", "PT1S");
        streamCounter = CctvApplication.builder(StreamCounterApplication.class, "stream-counter", counterProperties).run();
        Map<String, Object> storageProperties = new HashMap<>(common());
        storageProperties.put("cctv.data-dir", CLIPS);
        storage = CctvApplication.builder(StorageApplication.class, "storage", storageProperties).run();
        Map<String, Object> recordingProperties = new HashMap<>(counterProperties);
        recordingProperties.put("cctv.data-dir", CLIPS);
        recordingProperties.put("cctv.recording.default-mode", "OFF");
        recordingProperties.put("cctv.services.vms.url", "http://127.0.0.1:" + port(vms));
        recordingProperties.put("cctv.services.storage.url", "http://127.0.0.1:" + port(storage));
        recording = CctvApplication.builder(RecordingApplication.class, "recording", recordingProperties).run();
        Map<String, Object> metadataProperties = new HashMap<>(common());
        metadataProperties.put("cctv.services.vms.url", "http://127.0.0.1:" + port(vms));
        metadataProperties.put("cctv.services.storage.url", "http://127.0.0.1:" + port(storage));
        metadataProperties.put("cctv.metadata.camera-sync-interval", "PT1S");
        metadata = CctvApplication.builder(MetadataApplication.class, "metadata", metadataProperties).run();
        Map<String, Object> apiProperties = new HashMap<>(common());
        apiProperties.put("cctv.services.vms.url", "http://127.0.0.1:" + port(vms));
        apiProperties.put("cctv.services.stream-counter.url", "http://127.0.0.1:" + port(streamCounter));
        apiProperties.put("cctv.services.storage.url", "http://127.0.0.1:" + port(storage));
        apiProperties.put("cctv.services.recording.url", "http://127.0.0.1:" + port(recording));
        apiProperties.put("cctv.services.metadata.url", "http://127.0.0.1:" + port(metadata));
        apiProperties.put("cctv.redis.url", TestEngines.redis().url());
        apiProperties.put("cctv.demo-password", DEMO_PASSWORD);
        // Cheap hashing keeps the suite fast; production keeps the OWASP baseline (ApiSettings.Argon2).
        apiProperties.put("cctv.api.argon2.memory-kib", "1024");
        apiProperties.put("cctv.api.argon2.iterations", "1");
        // Shared-address failures would otherwise lock every test out: the per-address limit has its own test.
        apiProperties.put("cctv.api.login.max-failures-per-address", "100000");
        apiProperties.put("cctv.api.rate-limit.user-per-second", "100000");
        apiProperties.put("cctv.api.rate-limit.user-burst", "100000");
        apiProperties.put("cctv.api.rate-limit.agency-per-second", "100000");
        apiProperties.put("cctv.api.rate-limit.agency-burst", "100000");
        apiProperties.put("cctv.api.oidc.issuer", OidcFixture.ISSUER);
        apiProperties.put("cctv.api.oidc.jwks-uri", oidc.jwksUri());
        apiProperties.put("cctv.api.oidc.audience", OidcFixture.AUDIENCE);
        apiProperties.put("cctv.api.oidc.role-mapping.cctv-operators", "OPERATOR");
        apiProperties.putAll(overrides);
        api = CctvApplication.builder(ApiApplication.class, "api", apiProperties).run();
        http = new ServiceHttp(port(api));
        db = JdbcClient.create(api.getBean(DataSource.class));
    }

    /** The shared system of this JVM. */
    static synchronized ApiSystem get() {
        if (instance == null) {
            instance = new ApiSystem(Map.of());
            Runtime.getRuntime().addShutdownHook(new Thread(instance::close, "api-system-stop"));
        }
        return instance;
    }

    /** A separate system with its own settings (for limits too low to share); the caller closes it. */
    static ApiSystem withSettings(Map<String, Object> overrides) {
        return new ApiSystem(overrides);
    }

    private static final String CLIPS = tempDir();

    private static String tempDir() {
        try {
            return java.nio.file.Files.createTempDirectory("api-test-simulator").toString();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Map<String, Object> common() {
        return Map.of("server.port", "0", "cctv.demo", "true", "cctv.vms.simulator-dir", CLIPS,
                "cctv.db.url", TestEngines.postgres().jdbcUrl(),
                "cctv.db.username", TestEngines.postgres().username(),
                "cctv.db.password", TestEngines.postgres().password(),
                "cctv.security.service-secret", TestEngines.SERVICE_SECRET,
                "logging.structured.format.console", "");
    }

    static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    void close() {
        api.close();
        metadata.close();
        recording.close();
        storage.close();
        streamCounter.close();
        vms.close();
        oidc.close();
    }

    // ---- calls as a client makes them

    ServiceHttp.Response call(String method, String path, String token, String json) {
        Map<String, String> headers = new HashMap<>();
        if (token != null) {
            headers.put("Authorization", "Bearer " + token);
        }
        if (json != null) {
            headers.put("Content-Type", "application/json");
        }
        return http.send(method, path, json, headers);
    }

    ServiceHttp.Response get(String path, String token) {
        return call("GET", path, token, null);
    }

    ServiceHttp.Response login(String username, String password) {
        return call("POST", "/api/v1/auth/login", null,
                JSON.writeValueAsString(Map.of("username", username, "password", password)));
    }

    /** The access token of a successful sign-in of a demo user. */
    String token(String username) {
        ServiceHttp.Response response = login(username, DEMO_PASSWORD);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return json(response).get("accessToken").asString();
    }

    static JsonNode json(ServiceHttp.Response response) {
        return JSON.readTree(response.body());
    }

    /** Creates a user as admin and returns its id. */
    String createUser(String username, String password, String role, String agency) {
        ServiceHttp.Response created = call("POST", "/api/v1/users", token("admin"), JSON.writeValueAsString(
                Map.of("username", username, "password", password, "role", role, "agency", agency)));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return json(created).get("id").asString();
    }
}
