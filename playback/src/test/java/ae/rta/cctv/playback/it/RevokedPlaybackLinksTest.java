package ae.rta.cctv.playback.it;

import static org.assertj.core.api.Assertions.assertThat;

import ae.rta.cctv.testsupport.ServiceHttp;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Issue 18, item 5: playback links were 12-hour bearer URLs, not revoked when a user was disabled and not audited when
 * used. Now they name a grant, carry a ticket of minutes that the player renews, stop within a minute of the user
 * being disabled, are audited on their first fetch, and a media link reaches only the byte range it was signed for.
 */
final class RevokedPlaybackLinksTest {

    private static final PlaybackSystem system = PlaybackSystem.get();
    private static final Instant T = Instant.parse("2026-08-01T08:00:00Z");
    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static final Pattern BYTES = Pattern.compile("bytes=(\\d+)-(\\d+)");
    private static String camera;
    private static String admin;

    @BeforeAll
    static void importTwoMinutes() throws Exception {
        Path dir = Files.createTempDirectory("revoked-links");
        camera = system.addCamera("Links camera " + System.nanoTime());
        system.importFootage(camera, T, PlaybackSystem.footage(dir, 2));
        admin = system.token("admin");
    }

    private static Map<String, String> auth(String token) {
        return Map.of("Authorization", "Bearer " + token, "Content-Type", "application/json");
    }

    private static List<String> playlist(String url) {
        ServiceHttp.Response r = PlaybackSystem.getUrl(url);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.body().lines().toList();
    }

    /** The link of the playlist's second HLS segment (a byte range past the file's start), as the player fetches it. */
    private static String mediaLink(List<String> lines) {
        return lines.stream().filter(l -> !l.startsWith("#") && !l.isBlank()).skip(1).findFirst().orElseThrow();
    }

    /** GETs a media link with the Range header a player sends for it (its signed bytes, unless {@code range} is given). */
    private static HttpResponse<byte[]> fetch(String link, String range) throws Exception {
        Matcher m = BYTES.matcher(link);
        assertThat(m.find()).as(link).isTrue();
        String header = range != null ? range : "bytes=" + m.group(1) + "-" + m.group(2);
        return CLIENT.send(HttpRequest.newBuilder(URI.create(link)).header("Range", header).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    /** The link with the grant, expiry and ticket of {@code query} (a renewal's) in place of its own. */
    private static String withTicket(String link, String query) {
        String bare = link.replaceAll("&grant=[^&]+", "").replaceAll("&expires=[^&]+", "").replaceAll("&ticket=[^&]+", "");
        return bare + "&" + query;
    }

    private static String bodyOf(HttpResponse<byte[]> r) {
        return new String(r.body(), java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    void aLinkIsRefusedOnceItsTicketHasExpiredAndWorksAgainWithARenewedTicket() throws Exception {
        JsonNode answer = system.playOk(admin, camera, T, T.plusSeconds(60));
        Instant expiresAt = Instant.parse(answer.get("expiresAt").asString());
        assertThat(Duration.between(Instant.now(), expiresAt)).as("minutes, not hours").isBetween(Duration.ofMinutes(4),
                Duration.ofMinutes(5));
        String url = answer.get("playlistUrl").asString();
        String media = mediaLink(playlist(url));
        assertThat(fetch(media, null).statusCode()).isEqualTo(206);

        system.linkClock.advance(Duration.between(Instant.now(), expiresAt).plusSeconds(1));
        try {
            ServiceHttp.Response late = PlaybackSystem.getUrl(url);
            assertThat(late.status()).as(late.body()).isEqualTo(403);
            assertThat(late.body()).contains("expired");
            HttpResponse<byte[]> lateMedia = fetch(media, null);
            assertThat(lateMedia.statusCode()).as(bodyOf(lateMedia)).isEqualTo(403);
        } finally {
            system.linkClock.reset();
        }

        // the player renews through the api and puts the new ticket on the links it already has
        ServiceHttp.Response renewal = system.apiHttp.send("POST", "/api/v1/playback/" + answer.get("grant").asString()
                + "/renewal", null, auth(admin));
        assertThat(renewal.status()).as(renewal.body()).isEqualTo(200);
        String query = PlaybackSystem.JSON.readTree(renewal.body()).get("query").asString();
        assertThat(fetch(withTicket(media, query), null).statusCode()).isEqualTo(206);
        assertThat(PlaybackSystem.getUrl(withTicket(url, query)).status()).isEqualTo(200);
        assertThat(fetch(withTicket(media, query.replaceAll("ticket=[^&]+", "ticket=AAAA")), null).statusCode())
                .as("a forged ticket").isEqualTo(403);
        assertThat(system.apiHttp.send("POST", "/api/v1/playback/" + java.util.UUID.randomUUID() + "/renewal", null,
                auth(admin)).status()).isEqualTo(404);
    }

    /** A METRO viewer, signed in: their id and access token. */
    private static String[] metroViewer() {
        String name = "viewer" + System.nanoTime();
        ServiceHttp.Response created = system.apiHttp.send("POST", "/api/v1/users", PlaybackSystem.JSON.writeValueAsString(Map.of(
                "username", name, "password", PlaybackSystem.PASSWORD, "role", "VIEWER", "agency", "METRO")), auth(admin));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return new String[] {PlaybackSystem.JSON.readTree(created.body()).get("id").asString(), system.token(name)};
    }

    @Test
    void aUserMovedToAnotherAgencyLosesTheCamerasLinksWithinAMinute() throws Exception {
        String[] viewer = metroViewer();
        String media = mediaLink(playlist(system.playOk(viewer[1], camera, T, T.plusSeconds(60)).get("playlistUrl").asString()));
        assertThat(fetch(media, null).statusCode()).isEqualTo(206);
        ServiceHttp.Response moved = system.apiHttp.send("PATCH", "/api/v1/users/" + viewer[0], "{\"agency\":\"TAXI\"}",
                auth(admin));
        assertThat(moved.status()).as(moved.body()).isEqualTo(200);
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                .until(() -> fetch(media, null).statusCode() == 403);
    }

    @Test
    void aDisabledUsersLinksStopWorkingWithinAMinute() throws Exception {
        String[] created = metroViewer();
        String user = created[0];
        String viewer = created[1];
        String url = system.playOk(viewer, camera, T, T.plusSeconds(90)).get("playlistUrl").asString();
        String media = mediaLink(playlist(url));
        assertThat(fetch(media, null).statusCode()).isEqualTo(206);

        ServiceHttp.Response disabled = system.apiHttp.send("PATCH", "/api/v1/users/" + user, "{\"enabled\":false}", auth(admin));
        assertThat(disabled.status()).as(disabled.body()).isEqualTo(200);
        Instant at = Instant.now();
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                .until(() -> fetch(media, null).statusCode() == 403 && PlaybackSystem.getUrl(url).status() == 403);
        assertThat(Duration.between(at, Instant.now())).as("the services keep the api's word for the check interval")
                .isLessThan(PlaybackSystem.LINK_CHECK_INTERVAL.multipliedBy(3).plusSeconds(5));
        assertThat(bodyOf(fetch(media, null))).contains("disabled");
    }

    @Test
    void theFirstFetchOfAPlaybackIsAuditedOnce() throws Exception {
        JsonNode answer = system.playOk(admin, camera, T.plusSeconds(10), T.plusSeconds(70));
        String grant = answer.get("grant").asString();
        String url = answer.get("playlistUrl").asString();
        for (int i = 0; i < 3; i++) {
            playlist(url);
        }
        assertThat(fetch(mediaLink(playlist(url)), null).statusCode()).isEqualTo(206);
        ServiceHttp.Response audit = system.apiHttp.get("/api/v1/audit?action=PLAYBACK&target=" + camera + "&size=200",
                auth(admin));
        assertThat(audit.status()).as(audit.body()).isEqualTo(200);
        List<JsonNode> fetched = new java.util.ArrayList<>();
        PlaybackSystem.JSON.readTree(audit.body()).get("items").forEach(row -> {
            if (row.get("detail").asString().contains(grant)) {
                fetched.add(row);
            }
        });
        assertThat(fetched).hasSize(1);
        assertThat(fetched.get(0).get("detail").asString()).contains("first fetch (playlist)");
        assertThat(fetched.get(0).get("actor").asString()).isEqualTo("admin");
    }

    @Test
    void aMediaLinkAlteredToAnotherByteRangeIsRefused() throws Exception {
        String media = mediaLink(playlist(system.playOk(admin, camera, T, T.plusSeconds(60)).get("playlistUrl").asString()));
        Matcher m = BYTES.matcher(media);
        assertThat(m.find()).isTrue();
        long first = Long.parseLong(m.group(1));
        long last = Long.parseLong(m.group(2));
        assertThat(first).isPositive();

        HttpResponse<byte[]> asSigned = fetch(media, null);
        assertThat(asSigned.statusCode()).isEqualTo(206);
        assertThat((long) asSigned.body().length).isEqualTo(last - first + 1);
        String widened = media.replace("bytes=" + first + "-" + last, "bytes=0-" + (last + 100_000));
        assertThat(fetch(widened, "bytes=0-" + (last + 100_000)).statusCode()).as("the link's range widened").isEqualTo(403);
        assertThat(fetch(media, "bytes=0-" + last).statusCode()).as("a Range outside the signed bytes").isEqualTo(403);
        assertThat(fetch(media, "bytes=" + first + "-").statusCode()).as("to the end of the file").isEqualTo(403);
        HttpResponse<byte[]> withoutRange = CLIENT.send(HttpRequest.newBuilder(URI.create(media)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(withoutRange.statusCode()).as("no Range: the signed bytes only").isEqualTo(206);
        assertThat((long) withoutRange.body().length).isEqualTo(last - first + 1);
        String other = system.playOk(admin, camera, T, T.plusSeconds(60)).get("playlistUrl").asString();
        String otherTicket = URI.create(other).getRawQuery().replaceAll("^.*?(grant=[^&]+&expires=[^&]+&ticket=[^&]+).*$", "$1");
        assertThat(fetch(withTicket(media, otherTicket), null).statusCode()).as("another grant's ticket").isEqualTo(403);
    }
}
