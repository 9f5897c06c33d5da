package ae.rta.cctv.playback.it;

import ae.rta.cctv.testsupport.Ffmpeg;
import ae.rta.cctv.testsupport.ServiceHttp;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** The playback system with one imported hour, for the benchmark (which lives outside this package). */
public final class PlaybackBenchFixture implements AutoCloseable {

    private static final Instant HOUR = Instant.parse("2026-10-01T08:00:00Z");
    private final PlaybackSystem system = PlaybackSystem.get();
    private final String camera;
    private final String token;
    private final Path hourFile;

    private PlaybackBenchFixture(Path dir) throws Exception {
        camera = system.addCamera("Benchmark camera " + System.nanoTime());
        hourFile = PlaybackSystem.footage(dir, 60, "640x360");
        system.importFootage(camera, HOUR, hourFile);
        token = system.token("admin");
    }

    public static PlaybackBenchFixture importedHour(Path dir) throws Exception {
        return new PlaybackBenchFixture(dir);
    }

    /** Nanoseconds the last {@link #answerAndPlaylist()} spent waiting for the api's answer. */
    public long lastAnswerNanos;

    /** One operator's request: the api's answer, then its playlist. @return the playlist's size */
    public long answerAndPlaylist() {
        long t0 = System.nanoTime();
        JsonNode answer = system.playOk(token, camera, HOUR, HOUR.plus(Duration.ofHours(1)));
        lastAnswerNanos = System.nanoTime() - t0;
        URI uri = URI.create(answer.get("playlistUrl").asString());
        ServiceHttp.Response playlist = new ServiceHttp(uri.getScheme() + "://" + uri.getAuthority())
                .get(uri.getRawPath() + "?" + uri.getRawQuery(), Map.of());
        if (playlist.status() != 200) {
            throw new IllegalStateException("playlist answered " + playlist.status() + ": " + playlist.body());
        }
        return playlist.body().length();
    }

    /** What the reference design does before answering: the hour transmuxed to HLS segments. */
    public void transmuxToHls(Path out) throws Exception {
        Files.createDirectories(out);
        PlaybackSystem.run(Ffmpeg.ffmpeg().toString(), "-hide_banner", "-loglevel", "error", "-y", "-i", hourFile.toString(),
                "-c", "copy", "-f", "hls", "-hls_time", "4", "-hls_playlist_type", "vod", "-hls_segment_type", "fmp4",
                out.resolve("index.m3u8").toString());
    }

    @Override
    public void close() {
        system.close();
    }
}
