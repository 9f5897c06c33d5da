package ae.rta.cctv.metadata;

import static org.assertj.core.api.Assertions.assertThat;

import ae.rta.cctv.common.CctvApplication;
import ae.rta.cctv.common.security.ServiceCredentials;
import ae.rta.cctv.storage.StorageApplication;
import ae.rta.cctv.testsupport.ServiceHttp;
import ae.rta.cctv.testsupport.TestEngines;
import ae.rta.cctv.vms.VmsApplication;
import java.nio.file.Files;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The vms, storage and metadata services in one JVM against the shared PostgreSQL, talking HTTP to each other as in
 * production; started once per test JVM. Tests call the services' internal routes with a service credential, as the
 * api service does.
 */
final class MetadataSystem {

    static final JsonMapper JSON = JsonMapper.builder().build();
    private static MetadataSystem instance;

    final ConfigurableApplicationContext vms;
    final ConfigurableApplicationContext storage;
    final ConfigurableApplicationContext metadata;
    final ServiceHttp http;
    final ServiceHttp storageHttp;
    final ServiceHttp vmsHttp;
    final JdbcClient db;

    private MetadataSystem() {
        String data = tempDir();
        vms = CctvApplication.builder(VmsApplication.class, "vms", common(data)).run();
        storage = CctvApplication.builder(StorageApplication.class, "storage", common(data)).run();
        metadata = start(Map.of("cctv.services.storage.url", "http://127.0.0.1:" + port(storage)));
        http = new ServiceHttp(port(metadata));
        storageHttp = new ServiceHttp(port(storage));
        vmsHttp = new ServiceHttp(port(vms));
        db = JdbcClient.create(metadata.getBean(DataSource.class));
    }

    static synchronized MetadataSystem get() {
        if (instance == null) {
            instance = new MetadataSystem();
            Runtime.getRuntime().addShutdownHook(new Thread(instance::close, "metadata-system-stop"));
        }
        return instance;
    }

    /** Another metadata service on the same database and vms, with {@code overrides} (the caller closes it). */
    ConfigurableApplicationContext start(Map<String, Object> overrides) {
        Map<String, Object> properties = new HashMap<>(common(tempDir()));
        properties.put("cctv.services.vms.url", "http://127.0.0.1:" + port(vms));
        properties.putAll(overrides);
        return CctvApplication.builder(MetadataApplication.class, "metadata", properties).run();
    }

    private static Map<String, Object> common(String data) {
        return Map.of("server.port", "0", "cctv.demo", "false", "cctv.data-dir", data,
                "cctv.db.url", TestEngines.postgres().jdbcUrl(),
                "cctv.db.username", TestEngines.postgres().username(),
                "cctv.db.password", TestEngines.postgres().password(),
                "cctv.security.service-secret", TestEngines.SERVICE_SECRET,
                "logging.structured.format.console", "");
    }

    private static String tempDir() {
        try {
            return Files.createTempDirectory("metadata-test").toString();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    void close() {
        metadata.close();
        storage.close();
        vms.close();
    }

    // ---- calls as the api service makes them

    static Map<String, String> headers(String actor) {
        Map<String, String> headers = new HashMap<>();
        headers.put("Authorization", "Bearer " + new ServiceCredentials("api", TestEngines.SERVICE_SECRET, Clock.systemUTC()).token());
        headers.put("Content-Type", "application/json");
        if (actor != null) {
            headers.put("X-Cctv-Actor", actor);
        }
        return headers;
    }

    ServiceHttp.Response call(String method, String path, String actor, Object body) {
        return http.send(method, path, body == null ? null : body instanceof String s ? s : JSON.writeValueAsString(body),
                headers(actor));
    }

    ServiceHttp.Response get(String path) {
        return call("GET", path, null, null);
    }

    /** The JSON body of a call that must answer {@code status}. */
    JsonNode expect(int status, String method, String path, String actor, Object body) {
        ServiceHttp.Response r = call(method, path, actor, body);
        assertThat(r.status()).as(method + " " + path + " -> " + r.body()).isEqualTo(status);
        return r.body() == null || r.body().isEmpty() ? null : JSON.readTree(r.body());
    }

    /** A new agency, known to the vms service, for one test class's data alone. */
    String newAgency(String prefix) {
        String code = prefix + "_" + Long.toString(System.nanoTime() % 1_000_000_000L, 36).toUpperCase(java.util.Locale.ROOT);
        ServiceHttp.Response r = vmsHttp.send("POST", "/internal/agencies",
                JSON.writeValueAsString(Map.of("code", code, "name", code)), headers(null));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return code;
    }

    /** Adds a camera to the vms service (an RTSP camera nobody pulls) and returns its id. */
    String addCamera(String name, String nameAr, String agency) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", name);
        body.put("nameAr", nameAr);
        body.put("agency", agency);
        body.put("source", Map.of("type", "rtsp", "url", "rtsp://127.0.0.1:1/" + java.util.UUID.randomUUID()));
        ServiceHttp.Response r = vmsHttp.send("POST", "/internal/cameras", JSON.writeValueAsString(body), headers(null));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return JSON.readTree(r.body()).get("id").asString();
    }

    long count(String table) {
        return db.sql("SELECT count(*) FROM " + table).query(Long.class).single();
    }
}
