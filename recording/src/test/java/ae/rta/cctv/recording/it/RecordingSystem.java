package ae.rta.cctv.recording.it;

import ae.rta.cctv.common.CctvApplication;
import ae.rta.cctv.common.security.ServiceCredentials;
import ae.rta.cctv.recording.RecordingApplication;
import ae.rta.cctv.storage.StorageApplication;
import ae.rta.cctv.testsupport.ServiceHttp;
import ae.rta.cctv.testsupport.TestEngines;
import ae.rta.cctv.vms.VmsApplication;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The vms, storage and recording services started together against the shared PostgreSQL and redis-server, with
 * their data in a temporary folder, short segments so tests see several, and every camera OFF until a test gives it
 * a schedule. Further recording instances can be started to test leases.
 */
final class RecordingSystem implements AutoCloseable {

    static final JsonMapper JSON = JsonMapper.builder().build();

    final Path data;
    final ConfigurableApplicationContext vms;
    final ConfigurableApplicationContext storage;
    final ConfigurableApplicationContext recording;

    RecordingSystem(Map<String, Object> storageOverrides) {
        try {
            data = Files.createTempDirectory("recording-system");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        vms = CctvApplication.builder(VmsApplication.class, "vms", common(Map.of())).run();
        forgetEarlierTests();
        Map<String, Object> storageProps = new HashMap<>(storageOverrides);
        storage = CctvApplication.builder(StorageApplication.class, "storage", common(storageProps)).run();
        recording = startRecorder("recorder-a");
    }

    /* Test classes share one PostgreSQL and Redis: cameras, schedules and leases of earlier ones are cleared. */
    private void forgetEarlierTests() {
        org.springframework.jdbc.core.simple.JdbcClient db = org.springframework.jdbc.core.simple.JdbcClient.create(
                vms.getBean(javax.sql.DataSource.class));
        db.sql("DELETE FROM vms.camera").update();
        if (db.sql("SELECT to_regclass('recording.schedule') IS NOT NULL").query(Boolean.class).single()) {
            db.sql("DELETE FROM recording.schedule").update();
        }
        try (ae.rta.cctv.common.redis.RedisConnector redis = ae.rta.cctv.common.redis.RedisConnector.create(
                TestEngines.redis().url())) {
            redis.connection().sync().keys("cctv:rec:*").forEach(k -> redis.connection().sync().del(k));
        }
    }

    ConfigurableApplicationContext startRecorder(String instance) {
        return CctvApplication.builder(RecordingApplication.class, "recording", common(Map.of(
                "cctv.recording.instance", instance,
                "cctv.recording.spool", data.resolve("spool-" + instance).toString(),
                "cctv.services.vms.url", "http://127.0.0.1:" + port(vms),
                "cctv.services.storage.url", "http://127.0.0.1:" + port(storage)))).run();
    }

    private Map<String, Object> common(Map<String, Object> extra) {
        Map<String, Object> p = new HashMap<>(Map.of("server.port", "0", "cctv.demo", "false",
                "cctv.db.url", TestEngines.postgres().jdbcUrl(), "cctv.db.username", TestEngines.postgres().username(),
                "cctv.db.password", TestEngines.postgres().password(), "cctv.security.service-secret", TestEngines.SERVICE_SECRET,
                "cctv.redis.url", TestEngines.redis().url(), "cctv.data-dir", data.toString(),
                "logging.structured.format.console", ""));
        p.put("cctv.recording.default-mode", "OFF");
        p.put("cctv.recording.segment-length", "PT4S");
        p.put("cctv.recording.lease-ttl", "PT6S");
        p.put("cctv.recording.tick", "PT1S");
        p.put("cctv.vms.simulator-dir", data.resolve("clips").toString());
        p.putAll(extra);
        return p;
    }

    static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    static Map<String, String> auth() {
        String token = new ServiceCredentials("api", TestEngines.SERVICE_SECRET, Clock.systemUTC()).token();
        return Map.of("Authorization", "Bearer " + token, "Content-Type", "application/json");
    }

    /** Adds an RTSP camera at vms and makes it record continuously. @return its id */
    String addRecordedCamera(String name, String url) {
        return addRecordedCamera(name, Map.of("type", "rtsp", "url", url));
    }

    /** Adds an RTSP camera with a login at vms and makes it record continuously. @return its id */
    String addRecordedCamera(String name, String url, String username, String password) {
        return addRecordedCamera(name, Map.of("type", "rtsp", "url", url, "username", username, "password", password));
    }

    /** Adds a camera with the source as given (a transport, a login) at vms and makes it record. @return its id */
    String addRecordedCamera(String name, Map<String, String> source) {
        ServiceHttp vmsHttp = new ServiceHttp(port(vms));
        vmsHttp.send("POST", "/internal/agencies", "{\"code\":\"METRO\",\"name\":\"Metro\"}", auth());
        ServiceHttp.Response added = vmsHttp.send("POST", "/internal/cameras", JSON.writeValueAsString(Map.of("name", name,
                "agency", "METRO", "source", source)), auth());
        if (added.status() != 201) {
            throw new IllegalStateException(added.body());
        }
        String id = JSON.readTree(added.body()).get("id").asString();
        ServiceHttp.Response schedule = new ServiceHttp(port(recording)).send("PUT", "/internal/schedules/" + id,
                "{\"mode\":\"CONTINUOUS\"}", auth());
        if (schedule.status() != 200) {
            throw new IllegalStateException(schedule.body());
        }
        return id;
    }

    JsonNode segments(String camera) {
        return JSON.readTree(new ServiceHttp(port(storage)).get("/internal/cameras/" + camera + "/segments?start="
                + java.time.Instant.now().minusSeconds(3600) + "&end=" + java.time.Instant.now().plusSeconds(60), auth()).body())
                .get("items");
    }

    JsonNode recordings(String camera) {
        return JSON.readTree(new ServiceHttp(port(storage)).get("/internal/cameras/" + camera
                + "/recordings?start=" + java.time.Instant.now().minusSeconds(3600) + "&end=" + java.time.Instant.now().plusSeconds(60),
                auth()).body());
    }

    JsonNode camera(String camera) {
        return JSON.readTree(new ServiceHttp(port(vms)).get("/internal/cameras/" + camera, auth()).body());
    }

    JsonNode segment(long id) {
        return JSON.readTree(new ServiceHttp(port(storage)).get("/internal/segments/" + id, auth()).body());
    }

    String metrics(ConfigurableApplicationContext context) {
        return new ServiceHttp(port(context)).get("/metrics").body();
    }

    @Override
    public void close() {
        if (recording.isActive()) {
            recording.close();
        }
        storage.close();
        vms.close();
    }
}
