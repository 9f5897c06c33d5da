package ae.rta.cctv.playback.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ae.rta.cctv.testsupport.Ffmpeg;
import ae.rta.cctv.testsupport.ServiceHttp;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A LOCAL range with a hole, for a camera whose upstream keeps recordings (a demo simulator camera standing for an
 * XProtect replay): the hole is fetched from the upstream while the stored footage already plays, and the playlist
 * lists the fetched footage in the hole's place once it arrives (an EVENT playlist until then, VOD after).
 */
final class GapFillTest {

    private static final PlaybackSystem system = PlaybackSystem.get();

    @Test
    void aHoleInStoredFootageIsFilledFromTheUpstream() throws Exception {
        String admin = system.token("admin");
        String camera = system.onlineSimulatorCamera(admin);
        Instant t = Instant.now().minus(Duration.ofDays(3)).truncatedTo(ChronoUnit.HOURS);
        Path dir = Files.createTempDirectory("gap-fill");
        Path minute = PlaybackSystem.footage(dir, 1, "640x360"); // the simulator's main stream's size
        system.importFootage(camera, t, minute);
        system.importFootage(camera, t.plusSeconds(70), minute); // a 10 s hole from t+60 s

        JsonNode answer = system.playOk(admin, camera, t, t.plusSeconds(130));
        assertThat(answer.get("source").asString()).isEqualTo("LOCAL");
        assertThat(answer.get("coverage").asDouble()).isBetween(0.9, 0.93);
        JsonNode filling = answer.get("filling");
        assertThat(filling).as(answer.toString()).hasSize(1);
        assertThat(Instant.parse(filling.get(0).get("start").asString())).isEqualTo(t.plusSeconds(60));
        assertThat(Instant.parse(filling.get(0).get("end").asString())).isEqualTo(t.plusSeconds(70));

        String url = answer.get("playlistUrl").asString();
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500))
                .until(() -> get(url).body().contains("#EXT-X-ENDLIST"));
        ServiceHttp.Response playlist = get(url);
        List<String> lines = playlist.body().lines().toList();
        assertThat(lines).contains("#EXT-X-PLAYLIST-TYPE:VOD");
        List<String> fetched = lines.stream().filter(l -> l.startsWith("http") && l.contains("/playback/v1/cache/" + camera + "/"))
                .toList();
        assertThat(fetched).as(playlist.body()).isNotEmpty();
        assertThat(lines.stream().filter(l -> l.startsWith("#EXT-X-MAP:"))).as("two stored files and the fetched pieces")
                .hasSizeGreaterThanOrEqualTo(3);
        assertThat(Long.parseLong(playlist.headers().firstValue("X-Cctv-Upstream-Seconds").orElseThrow())).isBetween(8L, 12L);
        int firstFetched = lines.indexOf(fetched.getFirst());
        String pdt = lines.subList(0, firstFetched).reversed().stream()
                .filter(l -> l.startsWith("#EXT-X-PROGRAM-DATE-TIME:")).findFirst().orElseThrow();
        Instant fillStart = Instant.parse(pdt.substring("#EXT-X-PROGRAM-DATE-TIME:".length()));
        assertThat(Duration.between(t.plusSeconds(60), fillStart).abs()).as("the fill starts where the hole does")
                .isLessThanOrEqualTo(Duration.ofSeconds(2));

        // FFmpeg decodes the whole range, stored footage, fill and stored footage again, without an error
        Process decode = new ProcessBuilder(Ffmpeg.ffmpeg().toString(), "-v", "error", "-nostats", "-i", url, "-map", "0:v",
                "-f", "null", "-progress", "pipe:1", "-").redirectErrorStream(true).start();
        String output = new String(decode.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(decode.waitFor()).as(output).isZero();
        assertThat(output.lines().filter(l -> !l.contains("=")).toList()).as("FFmpeg's errors").isEmpty();
        // the fetched footage the playlist links to is real video: the first piece's init section and segments joined
        String piece = fetched.getFirst().substring(0, fetched.getFirst().indexOf("/seg_"));
        String query = fetched.getFirst().substring(fetched.getFirst().indexOf('?'));
        java.io.ByteArrayOutputStream joined = new java.io.ByteArrayOutputStream();
        joined.write(bytes(piece + "/init.mp4" + query));
        for (String segment : fetched.stream().filter(l -> l.startsWith(piece + "/")).toList()) {
            joined.write(bytes(segment));
        }
        Path fill = dir.resolve("fill.mp4");
        Files.write(fill, joined.toByteArray());
        assertThat(PlaybackSystem.probe(fill, "stream=width")).isEqualTo(640);
        Process count = new ProcessBuilder(Ffmpeg.ffprobe().toString(), "-v", "error", "-count_frames", "-select_streams", "v:0",
                "-show_entries", "stream=nb_read_frames", "-of", "csv=p=0", fill.toString()).redirectErrorStream(true).start();
        String frames = new String(count.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(count.waitFor()).isZero();
        assertThat(Integer.parseInt(frames)).as("frames of the first fetched piece (15 fps)").isGreaterThanOrEqualTo(45);
    }

    @Test
    void aCameraWithoutUpstreamRecordingsKeepsItsHoles() throws Exception {
        String admin = system.token("admin");
        String plain = system.addCamera("Holes stay " + System.nanoTime());
        Instant t = Instant.parse("2026-09-01T10:00:00Z");
        Path dir = Files.createTempDirectory("gap-stays");
        Path minute = PlaybackSystem.footage(dir, 1);
        system.importFootage(plain, t, minute);
        system.importFootage(plain, t.plusSeconds(70), minute);

        JsonNode answer = system.playOk(admin, plain, t, t.plusSeconds(130));
        assertThat(answer.get("source").asString()).isEqualTo("LOCAL");
        assertThat(answer.has("filling")).as(answer.toString()).isFalse();
        ServiceHttp.Response playlist = get(answer.get("playlistUrl").asString());
        assertThat(playlist.body()).contains("#EXT-X-PLAYLIST-TYPE:VOD", "#EXT-X-ENDLIST").doesNotContain("/playback/v1/cache/");
        assertThat(playlist.headers().firstValue("X-Cctv-Upstream-Seconds").orElseThrow()).isEqualTo("0");
    }

    private static byte[] bytes(String url) throws Exception {
        java.net.http.HttpResponse<byte[]> r = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(URI.create(url)).build(), java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        assertThat(r.statusCode()).isEqualTo(200);
        return r.body();
    }

    private static ServiceHttp.Response get(String url) {
        ServiceHttp.Response r = PlaybackSystem.getUrl(url);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r;
    }
}
