package ae.rta.cctv.storage.bench;

import ae.rta.cctv.common.security.ServiceCredentials;
import ae.rta.cctv.storage.SegmentFiles;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.UUID;

/**
 * Imports an hour of 640x360 H.264 (one minute encoded once, joined 60 times with stream copy) into a running storage
 * service and prints how long it took, as a multiple of real time, next to FFmpeg alone cutting the same file into the
 * same segments (the floor: everything above it is hashing, storing, verifying and indexing).
 *
 * <p>Usage: {@code ImportBenchmark <storage-url> <service-secret> [minutes=60]}
 */
public final class ImportBenchmark {

    public static void main(String[] args) throws Exception {
        String base = args[0];
        String secret = args[1];
        int minutes = args.length > 2 ? Integer.parseInt(args[2]) : 60;
        Path dir = Files.createTempDirectory("import-bench");
        Path file = SegmentFiles.longRecording(dir, "hour.mp4", minutes, "640x360", "mp4");
        long size = Files.size(file);

        long ffmpegStart = System.nanoTime();
        Path out = Files.createDirectory(dir.resolve("ffmpeg-only"));
        Process p = new ProcessBuilder("ffmpeg", "-hide_banner", "-loglevel", "error", "-i", file.toString(), "-map", "0:v:0",
                "-c", "copy", "-f", "segment", "-segment_time", "60", "-reset_timestamps", "1", "-segment_format", "mp4",
                "-segment_format_options", "movflags=+frag_keyframe+empty_moov+default_base_moof",
                out.resolve("seg-%05d.mp4").toString()).inheritIO().start();
        p.waitFor();
        double ffmpegSeconds = (System.nanoTime() - ffmpegStart) / 1e9;

        String token = new ServiceCredentials("bench", secret, Clock.systemUTC()).token();
        long start = System.nanoTime();
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base
                        + "/internal/cameras/" + UUID.randomUUID() + "/recordings/import?start=2026-11-01T00:00:00Z"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "video/mp4").expectContinue(true)
                .timeout(Duration.ofMinutes(30)).POST(HttpRequest.BodyPublishers.ofFile(file)).build(),
                HttpResponse.BodyHandlers.ofString());
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "import of %d min of 640x360 H.264 (%.0f MB): HTTP %d %s%n", minutes, size / 1e6,
                answer.statusCode(), answer.body());
        System.out.printf(Locale.ROOT, "import: %.2f s = %.0fx real time; FFmpeg segmenting alone: %.2f s = %.0fx%n", seconds,
                minutes * 60 / seconds, ffmpegSeconds, minutes * 60 / ffmpegSeconds);
    }
}
