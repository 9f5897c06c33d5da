package ae.rta.cctv.metadata;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Acceptance 2: within an agency's scope another agency's incidents and bookmarks do not exist. */
final class AgencyIsolationTest {

    private final MetadataSystem system = MetadataSystem.get();
    private final String police = system.newAgency("POLICE");
    private final String metro = system.newAgency("METRO");

    @Test
    void anotherAgencysIncidentsAndBookmarksAreNeverFound() {
        String word = "zebra" + Long.toString(System.nanoTime(), 36).replaceAll("[0-9]", "");
        String incident = system.expect(201, "POST", "/internal/incidents", "p.op", Map.of("agency", police,
                "title", "Fight at the " + word + " crossing", "tags", List.of("fight"))).get("id").asString();
        String comment = system.expect(201, "POST", "/internal/incidents/" + incident + "/comments?agency=" + police, "p.op",
                Map.of("text", "the " + word + " crossing again")).get("comments").get(0).get("id").asString();
        String camera = UUID.randomUUID().toString();
        String bookmark = system.expect(201, "POST", "/internal/bookmarks", "p.op", Map.of("agency", police, "cameraId", camera,
                "time", "2026-11-24T10:00:00Z", "note", word + " crossing, second look", "tags", List.of("fight")))
                .get("id").asString();

        JsonNode asPolice = system.expect(200, "GET", "/internal/search?q=" + word + "&agency=" + police, null, null);
        assertThat(asPolice.get("total").asLong()).isEqualTo(3);
        JsonNode asMetro = system.expect(200, "GET", "/internal/search?q=" + word + "&agency=" + metro, null, null);
        assertThat(asMetro.get("total").asLong()).isZero();
        assertThat(asMetro.get("items")).isEmpty();
        for (String filter : new String[] {"&tag=fight", "&cameraId=" + camera, "&types=incident,comment,bookmark",
                "&status=OPEN"}) {
            assertThat(system.expect(200, "GET", "/internal/search?q=" + word + "&agency=" + metro + filter, null, null)
                    .get("total").asLong()).as(filter).isZero();
        }

        assertThat(system.get("/internal/incidents/" + incident + "?agency=" + metro).status()).isEqualTo(404);
        assertThat(system.get("/internal/bookmarks/" + bookmark + "?agency=" + metro).status()).isEqualTo(404);
        assertThat(system.expect(200, "GET", "/internal/incidents?agency=" + metro, null, null).get("total").asLong()).isZero();
        assertThat(system.expect(200, "GET", "/internal/bookmarks?agency=" + metro + "&cameraId=" + camera, null, null)
                .get("total").asLong()).isZero();

        long history = system.count("incident_history");
        assertThat(system.call("PATCH", "/internal/incidents/" + incident + "?agency=" + metro, "m.op",
                Map.of("status", "CLOSED")).status()).isEqualTo(404);
        assertThat(system.call("POST", "/internal/incidents/" + incident + "/comments?agency=" + metro, "m.op",
                Map.of("text", "mine now")).status()).isEqualTo(404);
        assertThat(system.call("POST", "/internal/incidents/" + incident + "/footage?agency=" + metro, "m.op",
                Map.of("cameraId", camera, "cameraAgency", metro)).status()).isEqualTo(404);
        assertThat(system.call("PATCH", "/internal/bookmarks/" + bookmark + "?agency=" + metro, "m.op",
                Map.of("note", "mine")).status()).isEqualTo(404);
        assertThat(system.call("DELETE", "/internal/bookmarks/" + bookmark + "?agency=" + metro, "m.op", null).status())
                .isEqualTo(404);
        assertThat(system.count("incident_history")).as("nothing written").isEqualTo(history);

        JsonNode mine = system.expect(200, "GET", "/internal/incidents/" + incident + "?agency=" + police, null, null);
        assertThat(mine.get("status").asString()).isEqualTo("OPEN");
        assertThat(mine.get("comments").get(0).get("id").asString()).isEqualTo(comment);
        assertThat(system.expect(200, "GET", "/internal/bookmarks/" + bookmark + "?agency=" + police, null, null)
                .get("note").asString()).startsWith(word);
        assertThat(system.expect(200, "GET", "/internal/search?q=" + word, null, null).get("total").asLong())
                .as("no scope: every agency (administrators)").isEqualTo(3);
    }

    @Test
    void footageOfAnotherAgencysCameraIsNotLinked() {
        String incident = system.expect(201, "POST", "/internal/incidents", "p.op", Map.of("agency", police, "title", "Theft"))
                .get("id").asString();
        var r = system.call("POST", "/internal/incidents/" + incident + "/footage?agency=" + police, "p.op",
                Map.of("cameraId", UUID.randomUUID().toString(), "cameraAgency", metro));
        assertThat(r.status()).as(r.body()).isEqualTo(400);
        assertThat(r.body()).contains("belongs to " + metro);
    }
}
