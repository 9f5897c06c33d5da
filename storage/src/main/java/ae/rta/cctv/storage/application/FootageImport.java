package ae.rta.cctv.storage.application;

import ae.rta.cctv.common.domain.CameraId;
import ae.rta.cctv.common.media.SegmentList;
import ae.rta.cctv.common.web.ProblemException;
import ae.rta.cctv.storage.application.port.out.SegmentIndex;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Imports a recording (MP4 or MPEG-TS with H.264) as if it had been recorded live from {@code start}: FFmpeg cuts it
 * into 60 s fragmented-MP4 segments with stream copy, and each goes through the same ingest as a recorder's
 * segment (hash, store, verify, index). The whole range is checked for existing footage first, so a refused import
 * writes nothing.
 */
public final class FootageImport {

    private static final Logger log = LoggerFactory.getLogger(FootageImport.class);

    private final SegmentIngest ingest;
    private final SegmentIndex index;
    private final Path workDir;
    private final String ffmpeg;
    private final long segmentSeconds;

    public FootageImport(SegmentIngest ingest, SegmentIndex index, Path workDir, String ffmpeg, long segmentSeconds) {
        this.ingest = ingest;
        this.index = index;
        this.workDir = workDir;
        this.ffmpeg = ffmpeg;
        this.segmentSeconds = segmentSeconds;
    }

    /** What an import stored. */
    public record Imported(int segments, Instant start, Instant end) {
    }

    /**
     * @throws ProblemException 400 not H.264 video, 409 footage exists in the range, 503 store away
     */
    public Imported importFile(CameraId camera, Instant start, InputStream body) {
        Path dir = null;
        try {
            Files.createDirectories(workDir);
            dir = Files.createTempDirectory(workDir, "import");
            Path source = dir.resolve("source");
            long bytes = Files.copy(body, source);
            if (bytes == 0) {
                throw ProblemException.badRequest("The file is empty.");
            }
            Path out = Files.createDirectory(dir.resolve("segments"));
            Path list = dir.resolve("segments.csv");
            List<String> command = new ArrayList<>(List.of(ffmpeg, "-hide_banner", "-loglevel", "error", "-nostdin", "-i",
                    source.toString(), "-map", "0:v:0", "-c", "copy"));
            command.addAll(SegmentList.muxerArgs(segmentSeconds, list, out.resolve("seg-%05d.mp4").toString()));
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(30, TimeUnit.MINUTES) || p.exitValue() != 0 || !Files.exists(list)) {
                throw ProblemException.badRequest("The file could not be read as MP4 or MPEG-TS video: "
                        + (output.isBlank() ? "no video stream" : output.lines().reduce((a, b) -> b).orElse("").strip()));
            }
            List<SegmentList.Entry> lines = SegmentList.read(list);
            if (lines.isEmpty()) {
                throw ProblemException.badRequest("The file holds no video.");
            }
            double zero = lines.getFirst().start();
            Instant end = start.plusMillis(lines.getLast().endMillisFrom(zero));
            if (index.anyOverlap(camera, start, end)) {
                throw new ProblemException(org.springframework.http.HttpStatus.CONFLICT, "Conflict",
                        "The camera already holds footage between " + start + " and " + end + "; nothing was imported.");
            }
            List<Path> files;
            try (Stream<Path> s = Files.list(out)) {
                files = s.sorted(Comparator.naturalOrder()).toList();
            }
            for (Path file : files) {
                try (java.nio.channels.FileChannel channel = java.nio.channels.FileChannel.open(file)) {
                    String codec = ae.rta.cctv.common.media.Fmp4.inspect(channel).codec();
                    if (!"avc1".equals(codec)) {
                        throw ProblemException.badRequest("Only H.264 video can be imported; this file holds " + codec + ".");
                    }
                } catch (ae.rta.cctv.common.media.Fmp4.NotFragmentedMp4Exception e) {
                    throw ProblemException.badRequest("The file could not be cut into segments: " + e.getMessage());
                }
            }
            int stored = 0;
            for (SegmentList.Entry line : lines) {
                Path file = out.resolve(line.file());
                Instant segmentStart = start.plusMillis(line.startMillisFrom(zero));
                try (InputStream in = Files.newInputStream(file)) {
                    ingest.ingest(new SegmentIngest.Upload(camera, segmentStart, null, "import", -1), in);
                }
                stored++;
            }
            log.info("imported {} segments for camera {} from {} to {} ({} files)", stored, camera, start, end, files.size());
            return new Imported(stored, start, end);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ProblemException.unavailable("The import was interrupted.");
        } finally {
            if (dir != null) {
                try (Stream<Path> s = Files.walk(dir)) {
                    s.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
                } catch (IOException ignored) {
                    // the work folder is temporary
                }
            }
        }
    }
}
