package ae.rta.cctv.metadata;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Acceptance 1: stemmed English and Arabic search, ranked, with highlighted snippets; and every filter. */
final class SearchTest {

    private final MetadataSystem system = MetadataSystem.get();
    private final String agency = system.newAgency("SEARCH");
    private final String camera = UUID.randomUUID().toString();

    private String bookmark(String note, String time, List<String> tags) {
        return system.expect(201, "POST", "/internal/bookmarks", "police.operator", Map.of("agency", agency, "cameraId", camera,
                "time", time, "note", note, "tags", tags)).get("id").asString();
    }

    private String incident(String title, String description, List<String> tags) {
        return system.expect(201, "POST", "/internal/incidents", "police.operator", Map.of("agency", agency, "title", title,
                "description", description, "tags", tags)).get("id").asString();
    }

    private JsonNode search(String query) {
        return system.expect(200, "GET", "/internal/search?agency=" + agency + "&" + query, null, null);
    }

    private static String q(String words) {
        return "q=" + java.net.URLEncoder.encode(words, java.nio.charset.StandardCharsets.UTF_8);
    }

    private static List<String> ids(JsonNode result) {
        List<String> ids = new ArrayList<>();
        result.get("items").forEach(i -> ids.add(i.get("id").asString()));
        return ids;
    }

    @Test
    void aPluralFindsTheSingularAndHitsComeRankedWithAHighlightedSnippet() {
        String note = bookmark("Camera 4 shows a man leaving a bag near the north gate", "2026-11-24T10:00:00Z", List.of());
        String inTitle = incident("Camera at gate 7 knocked over", "A lorry reversed into the pole.", List.of());
        String inDescription = incident("Lorry reversing at gate 7", "It hit the pole that holds the camera.", List.of());
        incident("Unrelated", "Nothing to see here.", List.of());

        JsonNode result = search(q("cameras"));
        assertThat(ids(result)).containsExactlyInAnyOrder(note, inTitle, inDescription);
        assertThat(result.get("total").asLong()).isEqualTo(3);
        JsonNode items = result.get("items");
        for (int i = 1; i < items.size(); i++) {
            assertThat(items.get(i - 1).get("score").asDouble()).isGreaterThanOrEqualTo(items.get(i).get("score").asDouble());
        }
        assertThat(ids(result).indexOf(inTitle)).as("a title match outranks a description match")
                .isLessThan(ids(result).indexOf(inDescription));
        JsonNode bookmarkHit = hit(result, note);
        assertThat(bookmarkHit.get("type").asString()).isEqualTo("bookmark");
        assertThat(bookmarkHit.get("title").asString()).isEqualTo("Camera 4 shows a man leaving a bag near the north gate");
        assertThat(bookmarkHit.get("snippet").asString()).contains("<mark>Camera</mark> 4 shows");
        assertThat(hit(result, inDescription).get("snippet").asString()).contains("<mark>camera</mark>");
        assertThat(hit(result, inTitle).get("title").asString()).isEqualTo("Camera at gate 7 knocked over");
    }

    @Test
    void anArabicQueryFindsAnotherInflectionOfTheWord() {
        String theft = incident("سرقة حقيبة في المحطة", "شوهد رجل يأخذ حقيبة من الرصيف", List.of());
        String cameras = bookmark("الكاميرات في المدخل لا تعمل", "2026-11-24T11:00:00Z", List.of());

        JsonNode thefts = search(q("السرقات"));
        assertThat(ids(thefts)).containsExactly(theft);
        assertThat(thefts.get("items").get(0).get("snippet").asString()).contains("<mark>سرقة</mark>");
        assertThat(ids(search(q("المحطات")))).containsExactly(theft);
        JsonNode camera = search(q("كاميرا"));
        assertThat(ids(camera)).containsExactly(cameras);
        assertThat(camera.get("items").get(0).get("snippet").asString()).contains("<mark>الكاميرات</mark>");
        assertThat(ids(search(q("سرقة camera")))).as("all words must match").isEmpty();
    }

    @Test
    void phrasesExclusionsAndAlternativesFollowWebSearchSyntax() {
        String red = bookmark("red car parked on the hard shoulder", "2026-11-24T12:00:00Z", List.of());
        String blue = bookmark("blue car parked near the red barrier", "2026-11-24T12:05:00Z", List.of());
        assertThat(ids(search(q("\"red car\"")))).containsExactly(red);
        assertThat(ids(search(q("car -blue")))).containsExactly(red);
        assertThat(ids(search(q("shoulder or barrier")))).containsExactlyInAnyOrder(red, blue);
        assertThat(ids(search(q("the")))).as("stop words alone find nothing").isEmpty();
    }

    @Test
    void everyFilterNarrowsTheHits() {
        String otherCamera = UUID.randomUUID().toString();
        String early = bookmark("smoke seen at platform 2", "2026-11-20T08:00:00Z", List.of("fire"));
        String late = system.expect(201, "POST", "/internal/bookmarks", "police.operator", Map.of("agency", agency,
                "cameraId", otherCamera, "time", "2026-11-24T08:00:00Z", "end", "2026-11-24T09:00:00Z",
                "note", "smoke from a bin at platform 3")).get("id").asString();
        String open = incident("Smoke alarm at platform 2", "", List.of("fire"));
        String closing = incident("Smoke from kitchen", "", List.of());
        system.expect(200, "PATCH", "/internal/incidents/" + closing, "police.operator", Map.of("status", "CLOSED"));
        String comment = system.expect(201, "POST", "/internal/incidents/" + open + "/comments", "police.operator",
                Map.of("text", "The smoke came from a faulty fan")).get("comments").get(0).get("id").asString();

        assertThat(ids(search(q("smoke")))).containsExactlyInAnyOrder(early, late, open, closing, comment);
        assertThat(ids(search(q("smoke") + "&types=bookmark"))).containsExactlyInAnyOrder(early, late);
        assertThat(ids(search(q("smoke") + "&types=incident,comment"))).containsExactlyInAnyOrder(open, closing, comment);
        assertThat(ids(search(q("smoke") + "&cameraId=" + otherCamera))).containsExactly(late);
        assertThat(ids(search(q("smoke") + "&status=CLOSED"))).containsExactly(closing);
        assertThat(ids(search(q("smoke") + "&status=OPEN"))).containsExactlyInAnyOrder(open, comment);
        assertThat(ids(search(q("smoke") + "&tag=FIRE"))).as("a comment is filed under its incident's tags")
                .containsExactlyInAnyOrder(early, open, comment);
        assertThat(ids(search(q("smoke") + "&from=2026-11-24T08:30:00Z&to=2026-11-24T10:00:00Z&types=bookmark")))
                .as("a range overlapping the window").containsExactly(late);
        assertThat(ids(search(q("smoke") + "&from=2026-11-19T00:00:00Z&to=2026-11-21T00:00:00Z"))).containsExactly(early);
        JsonNode commentHit = hit(search(q("fan")), comment);
        assertThat(commentHit.get("type").asString()).isEqualTo("comment");
        assertThat(commentHit.get("incidentId").asString()).isEqualTo(open);
        assertThat(commentHit.get("title").asString()).as("a comment shows its incident's title").isEqualTo("Smoke alarm at platform 2");

        JsonNode first = search(q("smoke") + "&size=2");
        JsonNode third = search(q("smoke") + "&size=2&page=2");
        assertThat(first.get("total").asLong()).isEqualTo(5);
        assertThat(first.get("totalExact").asBoolean()).isTrue();
        assertThat(first.get("items")).hasSize(2);
        assertThat(third.get("items")).hasSize(1);
        assertThat(third.get("total").asLong()).isEqualTo(5);
        assertThat(search(q("smoke") + "&size=2&page=9").get("items")).isEmpty();
    }

    @Test
    void cameraNamesAreSearchedInBothLanguages() {
        String gate = system.addCamera("Union Square Stations Gate", "كاميرا بوابة محطة ميدان الاتحاد", agency);
        system.expect(200, "POST", "/internal/camera-names/sync", null, null);
        JsonNode english = search(q("station") + "&types=camera");
        assertThat(ids(english)).containsExactly(gate);
        assertThat(english.get("items").get(0).get("title").asString()).isEqualTo("Union Square Stations Gate");
        assertThat(english.get("items").get(0).get("cameraIds").get(0).asString()).isEqualTo(gate);
        assertThat(ids(search(q("المحطات") + "&types=camera"))).containsExactly(gate);
        assertThat(ids(search(q("station") + "&from=2026-11-01T00:00:00Z"))).as("cameras have no time").doesNotContain(gate);

        system.vmsHttp.send("DELETE", "/internal/cameras/" + gate, null, MetadataSystem.headers(null));
        system.expect(200, "POST", "/internal/camera-names/sync", null, null);
        assertThat(ids(search(q("station") + "&types=camera"))).isEmpty();
    }

    @Test
    void markupInTextComesBackEscapedAroundTheHighlights() {
        String id = bookmark("<script>alert('x')</script> camera & \"gate\"", "2026-11-24T13:00:00Z", List.of());
        String snippet = hit(search(q("camera")), id).get("snippet").asString();
        assertThat(snippet).contains("&lt;/script&gt; <mark>camera</mark> &amp; &quot;gate")
                .doesNotContain("<script").doesNotContain("</script");
    }

    @Test
    void badSearchesAreRefusedWithTheReason() {
        for (String bad : new String[] {"", q(""), q("x".repeat(201)), q("ok") + "&types=video", q("ok") + "&status=DONE",
                q("ok") + "&from=yesterday", q("ok") + "&from=2026-11-24T10:00:00Z&to=2026-11-24T09:00:00Z", q("ok") + "&size=0",
                q("ok") + "&size=101", q("ok") + "&cameraId=abc", "q=%00", q("ok") + "&agency=metro"}) {
            var r = system.get("/internal/search?" + bad);
            assertThat(r.status()).as(bad + " -> " + r.body()).isEqualTo(400);
            assertThat(r.contentType()).startsWith("application/problem+json");
        }
    }

    private static JsonNode hit(JsonNode result, String id) {
        for (JsonNode item : result.get("items")) {
            if (item.get("id").asString().equals(id)) {
                return item;
            }
        }
        throw new AssertionError(id + " not among " + result);
    }
}
