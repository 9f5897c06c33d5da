package ae.rta.cctv.api;

import static org.assertj.core.api.Assertions.assertThat;

import ae.rta.cctv.testsupport.ServiceHttp.Response;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Incidents, bookmarks and search through the api: roles, agency scope, audit, and refusals that write nothing. */
final class MetadataRoutesTest {

    private static final ApiSystem system = ApiSystem.get();
    private static String policeCamera;
    private static String metroCamera;

    @BeforeAll
    static void cameras() {
        JsonNode cameras = ApiSystem.json(system.get("/api/v1/cameras", system.token("admin"))).get("items");
        for (JsonNode c : cameras) {
            if (c.get("agency").asString().equals("DUBAI_POLICE") && policeCamera == null) {
                policeCamera = c.get("id").asString();
            }
            if (c.get("agency").asString().equals("METRO") && metroCamera == null) {
                metroCamera = c.get("id").asString();
            }
        }
    }

    private static String json(Object body) {
        return ApiSystem.JSON.writeValueAsString(body);
    }

    private static JsonNode expect(int status, Response r) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        return r.body().isEmpty() ? null : ApiSystem.json(r);
    }

    private static String q(String words) {
        return URLEncoder.encode(words, StandardCharsets.UTF_8);
    }

    private static String unique(String prefix) {
        return prefix + Long.toString(System.nanoTime(), 36).replaceAll("[0-9]", "x");
    }

    private static long audited(String action, String target) {
        return ApiSystem.json(system.get("/api/v1/audit?action=" + action + "&target=" + target, system.token("admin")))
                .get("total").asLong();
    }

    private static List<String> ids(JsonNode list) {
        List<String> ids = new ArrayList<>();
        list.get("items").forEach(i -> ids.add(i.get("id").asString()));
        return ids;
    }

    @Test
    void anOperatorWorksAnIncidentThroughItsWorkflowAndEveryChangeIsAudited() {
        String operator = system.token("police.operator");
        Response opened = system.call("POST", "/api/v1/incidents", operator, json(Map.of("title", "Stolen bicycle",
                "description", "A bicycle was taken from the rack", "cameraIds", List.of(policeCamera),
                "start", "2026-11-24T10:00:00Z", "end", "2026-11-24T10:10:00Z", "tags", List.of("Theft"))));
        JsonNode incident = expect(201, opened);
        String id = incident.get("id").asString();
        assertThat(opened.headers().firstValue("Location")).contains("/api/v1/incidents/" + id);
        assertThat(incident.get("status").asString()).isEqualTo("OPEN");
        assertThat(incident.get("agency").asString()).isEqualTo("DUBAI_POLICE");
        assertThat(incident.get("tags").get(0).asString()).isEqualTo("theft");
        assertThat(incident.get("cameraIds").get(0).asString()).isEqualTo(policeCamera);
        assertThat(incident.get("footage").get(0).get("held").asBoolean()).isTrue();
        assertThat(incident.get("createdBy").asString()).isEqualTo("police.operator");

        expect(200, system.call("PATCH", "/api/v1/incidents/" + id, operator, json(Map.of("status", "INVESTIGATING",
                "assignee", "police.operator"))));
        expect(201, system.call("POST", "/api/v1/incidents/" + id + "/comments", operator, json(Map.of("text", "Owner called"))));
        JsonNode closed = expect(200, system.call("PATCH", "/api/v1/incidents/" + id, operator, json(Map.of("status", "CLOSED"))));
        assertThat(closed.get("footage").get(0).get("held").asBoolean()).as("closing releases the hold").isFalse();
        Response refused = system.call("PATCH", "/api/v1/incidents/" + id, operator, json(Map.of("status", "INVESTIGATING")));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(ApiSystem.json(refused).get("detail").asString()).contains("reopened");

        JsonNode read = expect(200, system.get("/api/v1/incidents/" + id, operator));
        assertThat(read.get("status").asString()).isEqualTo("CLOSED");
        assertThat(read.get("assignee").asString()).isEqualTo("police.operator");
        assertThat(read.get("comments").get(0).get("text").asString()).isEqualTo("Owner called");
        assertThat(read.get("history")).extracting(h -> h.get("change").asString())
                .containsExactly("CREATED", "ASSIGNEE", "STATUS", "COMMENT", "STATUS");
        assertThat(audited("INCIDENT_CHANGE", id)).as("open, change, comment, close; not the refusal").isEqualTo(4);
        assertThat(ids(expect(200, system.get("/api/v1/incidents?status=CLOSED&tag=theft", operator)))).contains(id);
        assertThat(ids(expect(200, system.get("/api/v1/incidents?cameraId=" + policeCamera, operator)))).contains(id);
    }

    @Test
    void badInputIsRefusedWithAProblemAndNothingIsWritten() {
        String operator = system.token("police.operator");
        Map<String, Long> before = counts();
        List<Object[]> cases = List.of(
                new Object[] {400, Map.of("title", "Late", "cameraIds", List.of(policeCamera), "start", "2026-11-24T10:00:00Z",
                        "end", "2026-11-24T09:00:00Z")},
                new Object[] {404, Map.of("title", "Ghost camera", "cameraIds", List.of(UUID.randomUUID().toString()))},
                new Object[] {404, Map.of("title", "Metro camera", "cameraIds", List.of(metroCamera))},
                new Object[] {400, Map.of("title", "Bad camera id", "cameraIds", List.of("camera-7"))},
                new Object[] {400, Map.of("description", "no title")},
                new Object[] {400, Map.of("title", "Bad time", "start", "noon", "end", "2026-11-24T09:00:00Z")},
                new Object[] {400, Map.of("title", "Viewer", "assignee", "metro.viewer")},
                new Object[] {403, Map.of("title", "Other agency", "agency", "METRO")},
                new Object[] {400, "{\"title\": [1]}"},
                new Object[] {400, "not json"});
        for (Object[] c : cases) {
            String body = c[1] instanceof String s ? s : json(c[1]);
            Response r = system.call("POST", "/api/v1/incidents", operator, body);
            assertThat(r.status()).as(body + " -> " + r.body()).isEqualTo((int) c[0]);
            assertThat(r.contentType()).startsWith("application/problem+json");
        }
        for (Object[] c : List.<Object[]>of(
                new Object[] {400, Map.of("cameraId", policeCamera, "time", "2026-11-24T10:00:00Z", "end", "2026-11-24T09:00:00Z")},
                new Object[] {404, Map.of("cameraId", UUID.randomUUID().toString(), "time", "2026-11-24T10:00:00Z")},
                new Object[] {404, Map.of("cameraId", metroCamera, "time", "2026-11-24T10:00:00Z")},
                new Object[] {400, Map.of("cameraId", policeCamera)})) {
            Response r = system.call("POST", "/api/v1/bookmarks", operator, json(c[1]));
            assertThat(r.status()).as(c[1] + " -> " + r.body()).isEqualTo((int) c[0]);
        }
        String nobody = UUID.randomUUID().toString();
        assertThat(system.call("PATCH", "/api/v1/incidents/" + nobody, operator, json(Map.of("status", "CLOSED"))).status())
                .isEqualTo(404);
        assertThat(system.call("PATCH", "/api/v1/incidents/42", operator, json(Map.of("status", "CLOSED"))).status())
                .isEqualTo(400);
        assertThat(system.get("/api/v1/search?q=", operator).status()).isEqualTo(400);
        assertThat(system.get("/api/v1/search?q=x&from=today", operator).status()).isEqualTo(400);
        assertThat(system.get("/api/v1/search?q=x&types=videos", operator).status()).isEqualTo(400);
        assertThat(system.get("/api/v1/search?q=x&cameraId=" + metroCamera, operator).status()).isEqualTo(404);
        assertThat(counts()).isEqualTo(before);
    }

    private static Map<String, Long> counts() {
        Map<String, Long> counts = new TreeMap<>();
        for (String table : new String[] {"metadata.incident", "metadata.incident_history", "metadata.bookmark",
                "metadata.footage_hold", "storage.evidence_hold", "audit_event"}) {
            counts.put(table, system.db.sql("SELECT count(*) FROM " + table + (table.equals("audit_event")
                    ? " WHERE action IN ('INCIDENT_CHANGE', 'BOOKMARK_CHANGE')" : "")).query(Long.class).single());
        }
        return counts;
    }

    @Test
    void usersNeverFindAnotherAgencysIncidentsOrBookmarks() {
        String word = unique("quokka");
        String police = system.token("police.operator");
        String incident = expect(201, system.call("POST", "/api/v1/incidents", police, json(Map.of("title", "A " + word
                + " loose on the road", "cameraIds", List.of(policeCamera))))).get("id").asString();
        String bookmark = expect(201, system.call("POST", "/api/v1/bookmarks", police, json(Map.of("cameraId", policeCamera,
                "time", "2026-11-24T10:00:00Z", "note", "the " + word + " again", "tags", List.of("animal"))))).get("id").asString();
        assertThat(audited("BOOKMARK_CHANGE", bookmark)).isEqualTo(1);
        String metroOperator = unique("metro.op");
        system.createUser(metroOperator, "metro-operator-password", "OPERATOR", "METRO");
        String metro = expect(200, system.login(metroOperator, "metro-operator-password")).get("accessToken").asString();

        JsonNode found = expect(200, system.get("/api/v1/search?q=" + word, police));
        assertThat(ids(found)).containsExactlyInAnyOrder(incident, bookmark);
        assertThat(found.get("items").get(0).get("snippet").asString()).contains("<mark>" + word + "</mark>");
        assertThat(ids(expect(200, system.get("/api/v1/search?q=" + word, system.token("admin"))))).hasSize(2);
        for (String query : new String[] {"", "&types=incident,bookmark", "&agency=DUBAI_POLICE", "&tag=animal"}) {
            JsonNode none = expect(200, system.get("/api/v1/search?q=" + word + query, metro));
            assertThat(none.get("total").asLong()).as(query).isZero();
            assertThat(none.get("items")).isEmpty();
        }
        assertThat(expect(200, system.get("/api/v1/search?q=" + word, system.token("metro.viewer"))).get("total").asLong()).isZero();
        assertThat(system.get("/api/v1/incidents/" + incident, metro).status()).isEqualTo(404);
        assertThat(system.get("/api/v1/bookmarks/" + bookmark, metro).status()).isEqualTo(404);
        assertThat(system.get("/api/v1/bookmarks/" + bookmark, system.token("metro.viewer")).status()).isEqualTo(404);
        assertThat(ids(expect(200, system.get("/api/v1/incidents", metro)))).doesNotContain(incident);
        assertThat(ids(expect(200, system.get("/api/v1/bookmarks", metro)))).doesNotContain(bookmark);
        assertThat(system.get("/api/v1/bookmarks?cameraId=" + policeCamera, metro).status()).isEqualTo(404);
        assertThat(system.call("PATCH", "/api/v1/incidents/" + incident, metro, json(Map.of("status", "CLOSED"))).status())
                .isEqualTo(404);
        assertThat(system.call("DELETE", "/api/v1/bookmarks/" + bookmark, metro, null).status()).isEqualTo(404);
        assertThat(expect(200, system.get("/api/v1/incidents/" + incident, police)).get("status").asString()).isEqualTo("OPEN");
    }

    @Test
    void eachRoleGetsWhatItIsGranted() {
        String viewer = system.token("metro.viewer");
        String auditor = system.token("auditor");
        assertThat(system.get("/api/v1/incidents", viewer).status()).isEqualTo(403);
        assertThat(system.call("POST", "/api/v1/incidents", viewer, json(Map.of("title", "x"))).status()).isEqualTo(403);
        assertThat(system.call("POST", "/api/v1/bookmarks", viewer, json(Map.of("cameraId", metroCamera,
                "time", "2026-11-24T10:00:00Z"))).status()).isEqualTo(403);
        assertThat(system.get("/api/v1/bookmarks?cameraId=" + metroCamera, viewer).status()).isEqualTo(200);
        assertThat(system.get("/api/v1/search?q=x", auditor).status()).isEqualTo(403);
        assertThat(system.get("/api/v1/bookmarks", auditor).status()).isEqualTo(403);
        assertThat(system.get("/api/v1/search?q=x", null).status()).isEqualTo(401);
    }

    @Test
    void cameraNamesAreFoundInEnglishAndArabicWithinTheCallersAgency() {
        String viewer = system.token("metro.viewer");
        Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(expect(200, system.get("/api/v1/search?q=stations&types=camera", viewer)).get("total").asLong())
                        .isEqualTo(4));
        JsonNode stations = expect(200, system.get("/api/v1/search?q=stations", viewer));
        stations.get("items").forEach(hit -> {
            assertThat(hit.get("agency").asString()).isEqualTo("METRO");
            assertThat(hit.get("type").asString()).isIn("camera", "bookmark");
        });
        assertThat(stations.get("items").get(0).get("snippet").asString()).contains("<mark>Station</mark>");
        JsonNode arabic = expect(200, system.get("/api/v1/search?q=" + q("المحطات") + "&types=camera", viewer));
        assertThat(arabic.get("total").asLong()).isEqualTo(4);
        JsonNode roads = expect(200, system.get("/api/v1/search?q=roads&types=camera", system.token("police.operator")));
        assertThat(roads.get("items")).extracting(h -> h.get("title").asString())
                .contains("Sheikh Zayed Road - Interchange 1", "Al Khail Road - Business Bay");
        assertThat(expect(200, system.get("/api/v1/search?q=roads&types=camera", viewer)).get("total").asLong()).isZero();
        assertThat(expect(200, system.get("/api/v1/search?q=stations&types=incident", viewer)).get("total").asLong())
                .as("a viewer does not read incidents").isZero();
    }

    @Test
    void bookmarksMarkMomentsAndRangesOnATimeline() {
        String operator = system.token("police.operator");
        String moment = expect(201, system.call("POST", "/api/v1/bookmarks", operator, json(Map.of("cameraId", policeCamera,
                "time", "2030-01-01T10:00:00Z", "note", "door forced")))).get("id").asString();
        String range = expect(201, system.call("POST", "/api/v1/bookmarks", operator, json(Map.of("cameraId", policeCamera,
                "time", "2030-01-01T11:00:00Z", "end", "2030-01-01T11:30:00Z", "note", "crowd building up",
                "tags", List.of("crowd"))))).get("id").asString();
        String window = "/api/v1/bookmarks?cameraId=" + policeCamera + "&start=2030-01-01T09:00:00Z&end=2030-01-01T12:00:00Z";
        assertThat(ids(expect(200, system.get(window, operator)))).containsExactly(moment, range);
        assertThat(ids(expect(200, system.get("/api/v1/bookmarks?cameraId=" + policeCamera
                + "&start=2030-01-01T11:15:00Z&end=2030-01-01T12:00:00Z", operator)))).containsExactly(range);
        assertThat(ids(expect(200, system.get(window, system.token("admin"))))).containsExactly(moment, range);
        JsonNode changed = expect(200, system.call("PATCH", "/api/v1/bookmarks/" + moment, operator,
                json(Map.of("note", "door forced open", "tags", List.of("break-in")))));
        assertThat(changed.get("note").asString()).isEqualTo("door forced open");
        assertThat(system.call("DELETE", "/api/v1/bookmarks/" + range, operator, null).status()).isEqualTo(204);
        assertThat(ids(expect(200, system.get(window, operator)))).containsExactly(moment);
        assertThat(audited("BOOKMARK_CHANGE", moment)).isEqualTo(2);
        assertThat(audited("BOOKMARK_CHANGE", range)).isEqualTo(2);
    }
}
