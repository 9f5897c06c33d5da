package ae.rta.cctv.metadata;

import static org.assertj.core.api.Assertions.assertThat;

import ae.rta.cctv.testsupport.ServiceHttp;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Acceptance 3: invalid transitions, ranges and fields get a 4xx problem that says why, and nothing is written. */
final class BadInputTest {

    private static final String[] TABLES = {"incident", "incident_footage", "footage_hold", "incident_comment",
            "incident_history", "bookmark", "search_document"};

    private final MetadataSystem system = MetadataSystem.get();
    private final String agency = system.newAgency("BAD");

    private Map<String, Long> counts() {
        Map<String, Long> counts = new TreeMap<>();
        for (String table : TABLES) {
            counts.put(table, system.count(table));
        }
        counts.put("storage holds", system.storageHttp == null ? 0 : JdbcHolds.count(system));
        return counts;
    }

    private void refused(int status, String method, String path, Object body, String says) {
        Map<String, Long> before = counts();
        ServiceHttp.Response r = system.call(method, path, "p.op", body);
        assertThat(r.status()).as(method + " " + path + " " + body + " -> " + r.body()).isEqualTo(status);
        assertThat(r.contentType()).startsWith("application/problem+json");
        JsonNode problem = MetadataSystem.JSON.readTree(r.body());
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("title").asString()).isNotBlank();
        assertThat(problem.get("detail").asString()).contains(says);
        assertThat(counts()).as("nothing written for " + body).isEqualTo(before);
    }

    @Test
    void aClosedIncidentMovesOnlyByReopening() {
        String id = system.expect(201, "POST", "/internal/incidents", "p.op", Map.of("agency", agency, "title", "Brawl"))
                .get("id").asString();
        system.expect(200, "PATCH", "/internal/incidents/" + id, "p.op", Map.of("status", "INVESTIGATING"));
        system.expect(200, "PATCH", "/internal/incidents/" + id, "p.op", Map.of("status", "CLOSED"));

        refused(400, "PATCH", "/internal/incidents/" + id, Map.of("status", "INVESTIGATING"), "reopened");
        refused(400, "PATCH", "/internal/incidents/" + id, Map.of("status", "INVESTIGATING", "title", "Renamed too"), "reopened");
        refused(400, "PATCH", "/internal/incidents/" + id, Map.of("status", "SOLVED"), "status must be one of");
        refused(409, "POST", "/internal/incidents/" + id + "/footage", Map.of("cameraId", UUID.randomUUID().toString(),
                "cameraAgency", agency), "reopen");

        JsonNode reopened = system.expect(200, "PATCH", "/internal/incidents/" + id, "p.op", Map.of("status", "OPEN"));
        assertThat(reopened.get("status").asString()).isEqualTo("OPEN");
        JsonNode investigating = system.expect(200, "PATCH", "/internal/incidents/" + id, "p.op",
                Map.of("status", "INVESTIGATING"));
        assertThat(investigating.get("history")).extracting(h -> h.get("change").asString() + " " + h.get("to").asString())
                .containsExactly("CREATED OPEN", "STATUS INVESTIGATING", "STATUS CLOSED", "STATUS OPEN", "STATUS INVESTIGATING");
    }

    @Test
    void anEndBeforeItsStartIsRefusedEverywhere() {
        String camera = UUID.randomUUID().toString();
        Map<String, Object> incident = new HashMap<>(Map.of("agency", agency, "title", "Collision", "cameraIds", List.of(camera),
                "start", "2026-11-24T10:00:00Z", "end", "2026-11-24T09:00:00Z"));
        refused(400, "POST", "/internal/incidents", incident, "must be after start");
        incident.put("end", "2026-11-24T10:00:00Z");
        refused(400, "POST", "/internal/incidents", incident, "must be after start");
        incident.remove("end");
        refused(400, "POST", "/internal/incidents", incident, "start and end go together");
        refused(400, "POST", "/internal/bookmarks", Map.of("agency", agency, "cameraId", camera, "time", "2026-11-24T10:00:00Z",
                "end", "2026-11-24T09:59:59Z"), "must be after time");
        String id = system.expect(201, "POST", "/internal/incidents", "p.op", Map.of("agency", agency, "title", "Collision"))
                .get("id").asString();
        refused(400, "POST", "/internal/incidents/" + id + "/footage", Map.of("cameraId", camera, "cameraAgency", agency,
                "start", "2026-11-24T10:00:00Z", "end", "2026-11-24T08:00:00Z"), "must be after start");
        refused(400, "POST", "/internal/incidents/" + id + "/footage", Map.of("cameraId", camera, "cameraAgency", agency,
                "start", "2026-10-01T00:00:00Z", "end", "2026-11-24T08:00:00Z"), "at most 31 days");
        assertThat(system.get("/internal/bookmarks?agency=" + agency + "&start=2026-11-24T10:00:00Z&end=2026-11-24T09:00:00Z")
                .status()).isEqualTo(400);
    }

    @Test
    void unknownIncidentsAndBookmarksAre404() {
        String nobody = UUID.randomUUID().toString();
        refused(404, "PATCH", "/internal/incidents/" + nobody, Map.of("status", "CLOSED"), "No incident has id " + nobody);
        refused(404, "POST", "/internal/incidents/" + nobody + "/comments", Map.of("text", "hello"), "No incident");
        refused(404, "PATCH", "/internal/bookmarks/" + nobody, Map.of("note", "x"), "No bookmark");
        assertThat(system.get("/internal/incidents/" + nobody).status()).isEqualTo(404);
        String id = system.expect(201, "POST", "/internal/incidents", "p.op", Map.of("agency", agency, "title", "Lost child"))
                .get("id").asString();
        refused(404, "DELETE", "/internal/incidents/" + id + "/footage/" + nobody, null, "no linked footage");
    }

    @Test
    void malformedFieldsAreRefusedWithTheFieldNamed() {
        String camera = UUID.randomUUID().toString();
        refused(400, "POST", "/internal/incidents", Map.of("agency", agency), "title is required");
        refused(400, "POST", "/internal/incidents", Map.of("agency", agency, "title", "   "), "title is required");
        refused(400, "POST", "/internal/incidents", Map.of("agency", agency, "title", "x".repeat(201)), "title");
        refused(400, "POST", "/internal/incidents", Map.of("agency", agency, "title", "a\u0000b"), "title");
        refused(400, "POST", "/internal/incidents", Map.of("agency", agency, "title", "ok", "cameraIds", List.of("not-a-uuid")),
                "camera id must be a UUID");
        refused(400, "POST", "/internal/incidents", Map.of("agency", agency, "title", "ok", "start", "yesterday",
                "end", "today"), "ISO-8601");
        refused(400, "POST", "/internal/incidents", Map.of("agency", agency, "title", "ok", "start", "1900-01-01T00:00:00Z",
                "end", "1900-01-02T00:00:00Z"), "must lie between");
        refused(400, "POST", "/internal/incidents", Map.of("agency", agency, "title", "ok", "tags", List.of("x".repeat(41))),
                "tag");
        refused(400, "POST", "/internal/incidents", Map.of("agency", agency, "title", 42), "JSON");
        refused(400, "POST", "/internal/incidents", Map.of("agency", "metro", "title", "ok"), "agency");
        refused(400, "POST", "/internal/incidents", "{\"title\":", "JSON");
        refused(400, "POST", "/internal/bookmarks", Map.of("agency", agency, "time", "2026-11-24T10:00:00Z"), "cameraId");
        refused(400, "POST", "/internal/bookmarks", Map.of("agency", agency, "cameraId", camera), "time is required");
        refused(400, "POST", "/internal/bookmarks", Map.of("agency", agency, "cameraId", camera, "time", "+100000-01-01T00:00:00Z"),
                "must lie between");
        refused(400, "POST", "/internal/bookmarks", Map.of("agency", agency, "cameraId", camera, "time", "2026-11-24T10:00:00Z",
                "note", "n".repeat(2001)), "note");
        String id = system.expect(201, "POST", "/internal/incidents", "p.op", Map.of("agency", agency, "title", "ok"))
                .get("id").asString();
        refused(400, "PATCH", "/internal/incidents/" + id, Map.of(), "name at least one");
        refused(400, "PATCH", "/internal/incidents/" + id, Map.of("title", ""), "title is required");
        refused(400, "POST", "/internal/incidents/" + id + "/comments", Map.of("text", " "), "text is required");
        refused(400, "PATCH", "/internal/incidents/not-an-id", Map.of("status", "OPEN"), "id must be a UUID");
    }

    /** The storage service's standing holds, read from its schema in the shared database. */
    static final class JdbcHolds {
        static long count(MetadataSystem system) {
            return system.db.sql("SELECT count(*) FROM storage.evidence_hold WHERE released_at IS NULL").query(Long.class).single();
        }
    }
}
