package ae.rta.cctv.playback.it;

import static org.assertj.core.api.Assertions.assertThat;

import ae.rta.cctv.testsupport.HlsPlayers;
import ae.rta.cctv.testsupport.ServiceHttp;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Playback of stored footage end to end: an hour imported through storage, played through the api, read by FFmpeg
 * from the playlist as a player would.
 */
final class PlaybackFlowTest {

    private static final PlaybackSystem system = PlaybackSystem.get();
    private static final Instant HOUR = Instant.parse("2026-10-01T08:00:00Z");
    private static Path dir;
    private static String camera;
    private static String admin;

    @BeforeAll
    static void importAnHour() throws Exception {
        dir = Files.createTempDirectory("playback-flow");
        camera = system.addCamera("Playback camera " + System.nanoTime());
        system.importFootage(camera, HOUR, PlaybackSystem.footage(dir, 60));
        // a second stretch after a hole of two minutes: 10:02 to 10:12
        system.importFootage(camera, HOUR.plus(Duration.ofMinutes(62)), PlaybackSystem.footage(dir, 10));
        admin = system.token("admin");
    }

    private static List<String> lines(String playlistUrl) {
        ServiceHttp.Response r = PlaybackSystem.getUrl(playlistUrl);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.contentType()).startsWith("application/vnd.apple.mpegurl");
        return r.body().lines().toList();
    }

    @Test
    void theTimelineShowsRecordedMinutesAndTheHoleBetween() {
        ServiceHttp.Response r = system.apiHttp.get("/api/v1/cameras/" + camera + "/timeline?start=" + HOUR + "&end="
                + HOUR.plus(Duration.ofMinutes(75)) + "&resolution=PT1M", Map.of("Authorization", "Bearer " + admin));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode t = PlaybackSystem.JSON.readTree(r.body());
        JsonNode buckets = t.get("buckets");
        assertThat(buckets.size()).isEqualTo(75);
        assertThat(buckets.get(0).asDouble()).isEqualTo(1.0);
        assertThat(buckets.get(59).asDouble()).isEqualTo(1.0);
        assertThat(buckets.get(60).asDouble()).isEqualTo(0.0);
        assertThat(buckets.get(61).asDouble()).isEqualTo(0.0);
        assertThat(buckets.get(62).asDouble()).isEqualTo(1.0);
        assertThat(buckets.get(72).asDouble()).isEqualTo(0.0);
        assertThat(t.get("ranges").size()).isEqualTo(2);
        assertThat(t.get("ranges").get(0).get("imported").asBoolean()).as("imported footage says so").isTrue();
        JsonNode recordings = PlaybackSystem.JSON.readTree(system.apiHttp.get("/api/v1/cameras/" + camera + "/recordings?start="
                + HOUR + "&end=" + HOUR.plus(Duration.ofMinutes(75)), Map.of("Authorization", "Bearer " + admin)).body());
        assertThat(recordings.get("ranges").get(1).get("imported").asBoolean()).isTrue();
        assertThat(t.get("gaps").get(0).get("start").asString()).isEqualTo(HOUR.plus(Duration.ofMinutes(60)).toString());
        assertThat(t.get("gaps").get(0).get("reason").asString()).isEqualTo("not recorded");

        assertThat(system.apiHttp.get("/api/v1/cameras/" + camera + "/timeline?start=" + HOUR + "&end="
                + HOUR.plus(Duration.ofDays(7)) + "&resolution=PT1S", Map.of("Authorization", "Bearer " + admin)).status())
                .as("a week in seconds is too many buckets").isEqualTo(400);
        assertThat(system.apiHttp.get("/api/v1/cameras/" + camera + "/timeline?start=" + HOUR + "&end=" + HOUR
                + "&resolution=PT1M", Map.of("Authorization", "Bearer " + admin)).status()).isEqualTo(400);
        assertThat(system.apiHttp.get("/api/v1/cameras/" + camera + "/timeline?start=" + HOUR + "&end="
                + HOUR.plus(Duration.ofDays(7)) + "&resolution=fortnightly", Map.of("Authorization", "Bearer " + admin))
                .status()).isEqualTo(400);
    }

    @Test
    void anImportedHourPlaysLocallyAndFfmpegReadsItEndToEnd() throws Exception {
        JsonNode answer = system.playOk(admin, camera, HOUR, HOUR.plus(Duration.ofHours(1)));
        assertThat(answer.get("source").asString()).isEqualTo("LOCAL");
        assertThat(answer.get("coverage").asDouble()).isGreaterThanOrEqualTo(0.99);
        String playlist = answer.get("playlistUrl").asString();
        List<String> lines = lines(playlist);
        assertThat(lines).contains("#EXT-X-ENDLIST", "#EXT-X-PLAYLIST-TYPE:VOD");
        assertThat(lines.stream().filter(l -> l.startsWith("#EXT-X-MAP:"))).hasSize(60);
        assertThat(lines.stream().filter(l -> l.startsWith("#EXT-X-BYTERANGE:"))).hasSizeGreaterThan(600);
        assertThat(lines.stream().filter(l -> l.startsWith("#EXT-X-PROGRAM-DATE-TIME:")).findFirst().orElseThrow())
                .isEqualTo("#EXT-X-PROGRAM-DATE-TIME:2026-10-01T08:00:00.000Z");
        double seconds = PlaybackSystem.remuxedSeconds(playlist, dir);
        assertThat(seconds).as("FFmpeg's -c copy of the whole playlist").isBetween(3598.0, 3602.0);
    }

    @Test
    void vlcAndFfmpegPlayThreeStoredFilesToTheEnd() {
        // 08:10 to 08:13: three stored files of one import, one decode timeline: no discontinuity between them
        Instant start = HOUR.plus(Duration.ofMinutes(10));
        String playlist = system.playOk(admin, camera, start, start.plus(Duration.ofMinutes(3))).get("playlistUrl").asString();
        List<String> lines = lines(playlist);
        assertThat(lines.stream().filter(l -> l.startsWith("#EXT-X-MAP:"))).hasSize(3);
        assertThat(lines).doesNotContain("#EXT-X-DISCONTINUITY");
        int frames = 3 * 60 * 25;
        for (HlsPlayers.Played played : List.of(HlsPlayers.ffmpeg(playlist), HlsPlayers.vlc(playlist))) {
            System.out.printf("three stored files: %s played %d of %d frames over %.1f s%n", played.player(),
                    played.frames(), frames, played.seconds());
            assertThat(played.frames()).as(played.player() + " frames").isGreaterThanOrEqualTo(frames * 98 / 100);
            assertThat(played.seconds()).as(played.player() + " media seconds").isGreaterThanOrEqualTo(176.0);
        }
    }

    @Test
    void vlcAndFfmpegPlayAcrossAHoleToTheEnd() {
        // 08:58 to 09:04: two minutes, the two-minute hole, two minutes (a discontinuity at the hole)
        Instant start = HOUR.plus(Duration.ofMinutes(58));
        String playlist = system.playOk(admin, camera, start, start.plus(Duration.ofMinutes(6))).get("playlistUrl").asString();
        int frames = 4 * 60 * 25;
        for (HlsPlayers.Played played : List.of(HlsPlayers.ffmpeg(playlist), HlsPlayers.vlc(playlist))) {
            System.out.printf("across a hole: %s played %d of %d frames over %.1f s%n", played.player(), played.frames(),
                    frames, played.seconds());
            assertThat(played.frames()).as(played.player() + " frames").isGreaterThanOrEqualTo(frames * 98 / 100);
        }
    }

    @Test
    void aRangeStartingMidSegmentStartsWithinOneGroupOfPictures() throws Exception {
        Instant start = HOUR.plusMillis(90_500); // 30.5 s into the second stored minute
        Instant end = HOUR.plusSeconds(150);
        String playlist = system.playOk(admin, camera, start, end).get("playlistUrl").asString();
        Instant first = Instant.parse(lines(playlist).stream().filter(l -> l.startsWith("#EXT-X-PROGRAM-DATE-TIME:"))
                .findFirst().orElseThrow().substring("#EXT-X-PROGRAM-DATE-TIME:".length()));
        assertThat(first).isAfterOrEqualTo(start.minusSeconds(1)).isBeforeOrEqualTo(start);
        assertThat(PlaybackSystem.remuxedSeconds(playlist, dir)).isBetween(59.0, 61.5);
    }

    @Test
    void aHoleIsLeftOutAndTheWallClockJumpsOverIt() throws Exception {
        // 08:58 to 09:10: footage to 09:00, a hole, footage from 09:02: 10 of 12 minutes stored
        Instant start = HOUR.plus(Duration.ofMinutes(58));
        Instant end = HOUR.plus(Duration.ofMinutes(70));
        JsonNode answer = system.playOk(admin, camera, start, end);
        assertThat(answer.get("coverage").asDouble()).isBetween(0.83, 0.84);
        List<String> lines = lines(answer.get("playlistUrl").asString());
        int hole = lines.indexOf("#EXT-X-PROGRAM-DATE-TIME:2026-10-01T09:02:00.000Z");
        assertThat(hole).as("footage resumes at 09:02 right after footage that ends at 09:00").isPositive();
        assertThat(lines.subList(0, hole)).contains("#EXT-X-DISCONTINUITY");
        assertThat(PlaybackSystem.remuxedSeconds(answer.get("playlistUrl").asString(), dir)).isBetween(598.0, 602.0);
    }

    @Test
    void aHalfRecordedRangeOfACameraWithoutUpstreamPlaysWhatIsStored() throws Exception {
        // 08:59 to 09:03: a minute stored, the two-minute hole, a minute stored; no upstream keeps recordings
        Instant start = HOUR.plus(Duration.ofMinutes(59));
        Instant end = HOUR.plus(Duration.ofMinutes(63));
        JsonNode answer = system.playOk(admin, camera, start, end);
        assertThat(answer.get("source").asString()).isEqualTo("LOCAL");
        assertThat(answer.get("coverage").asDouble()).isBetween(0.49, 0.51);
        assertThat(PlaybackSystem.remuxedSeconds(answer.get("playlistUrl").asString(), dir)).isBetween(118.0, 122.0);
    }

    @Test
    void aRangeWithAGapTheRecorderWroteDownPlays() throws Exception {
        // a recorder's gap row (start, end, reason, no "imported") in the range: playback failed to read it and said 503
        String other = system.addCamera("Gap row camera " + System.nanoTime());
        system.importFootage(other, HOUR, PlaybackSystem.footage(dir, 2));
        Map<String, String> headers = new java.util.HashMap<>(PlaybackSystem.internalAuth());
        ServiceHttp.Response gap = system.storageHttp.send("POST", "/internal/gaps", "{\"cameraId\":\"" + other
                + "\",\"start\":\"" + HOUR.plus(Duration.ofMinutes(2)) + "\",\"end\":\""
                + HOUR.plus(Duration.ofMinutes(3)) + "\",\"reason\":\"camera offline\"}", headers);
        assertThat(gap.status()).as(gap.body()).isEqualTo(201);
        JsonNode answer = system.playOk(admin, other, HOUR, HOUR.plus(Duration.ofMinutes(3)));
        assertThat(answer.get("source").asString()).isEqualTo("LOCAL");
        assertThat(answer.get("coverage").asDouble()).isBetween(0.66, 0.67);
    }

    @Test
    void aRangeWithNothingStoredIsNotPretendedLocal() {
        // this camera is a plain RTSP camera: no upstream recordings to fall back to
        ServiceHttp.Response r = system.play(admin, camera, HOUR.minus(Duration.ofMinutes(30)).toString(), HOUR.toString());
        assertThat(r.status()).as(r.body()).isEqualTo(409);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.body()).contains("0.0%");
    }

    @Test
    void badInputIsAProblemAndChangesNothing() {
        String h = HOUR.toString();
        String later = HOUR.plusSeconds(60).toString();
        Map<String, Integer> cases = Map.of(
                later + "|" + h, 400, // end before start
                h + "|" + h, 400, // empty
                h + "|" + HOUR.plus(Duration.ofHours(25)), 400, // over the maximum
                "yesterday|" + later, 400,
                h + "|2026-13-01T00:00:00Z", 400);
        cases.forEach((range, status) -> {
            String[] r = range.split("\\|");
            ServiceHttp.Response answer = system.play(admin, camera, r[0], r[1]);
            assertThat(answer.status()).as(range + ": " + answer.body()).isEqualTo(status);
            assertThat(answer.contentType()).startsWith("application/problem+json");
        });
        // years of more than four digits (which Instant.parse takes) are refused where every time parameter is parsed
        Map<String, String> auth = Map.of("Authorization", "Bearer " + admin);
        for (String year : List.of("%2B999999999-01-01T00:00:00Z", "-999999999-01-01T00:00:00Z")) {
            for (String path : List.of("/api/v1/playback?cameraId=" + camera + "&start=" + year + "&end=" + later,
                    "/api/v1/playback?cameraId=" + camera + "&start=" + h + "&end=" + year,
                    "/api/v1/cameras/" + camera + "/timeline?start=" + h + "&end=" + year,
                    "/api/v1/cameras/" + camera + "/recordings?start=" + year + "&end=" + later)) {
                ServiceHttp.Response answer = system.apiHttp.get(path, auth);
                assertThat(answer.status()).as(path + ": " + answer.body()).isEqualTo(400);
                assertThat(answer.contentType()).startsWith("application/problem+json");
            }
        }
        assertThat(system.play(admin, "00000000-0000-0000-0000-000000000000", h, later).status()).isEqualTo(404);
        assertThat(system.play(admin, "not-a-camera", h, later).status()).isEqualTo(400);
        assertThat(system.play(system.token("police.operator"), camera, h, later).status())
                .as("another agency's camera").isEqualTo(404);

        String playlist = system.playOk(admin, camera, HOUR, HOUR.plusSeconds(60)).get("playlistUrl").asString();
        URI uri = URI.create(playlist);
        ServiceHttp playback = new ServiceHttp(uri.getScheme() + "://" + uri.getAuthority());
        String widened = uri.getRawPath() + "?" + uri.getRawQuery().replace("end=" + HOUR.plusSeconds(60), "end="
                + HOUR.plusSeconds(3600));
        assertThat(playback.get(widened).status()).as("a range the signature does not cover").isEqualTo(403);
        String expired = uri.getRawPath() + "?" + uri.getRawQuery().replaceFirst("expires=\\d+", "expires="
                + Instant.now().minus(1, ChronoUnit.MINUTES).getEpochSecond());
        assertThat(playback.get(expired).status()).isEqualTo(403);
    }
}
