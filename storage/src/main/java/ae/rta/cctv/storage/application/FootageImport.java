package ae.rta.cctv.storage.application;

import ae.rta.cctv.common.domain.CameraId;
import ae.rta.cctv.common.media.SegmentList;
import ae.rta.cctv.common.web.ProblemException;
import ae.rta.cctv.storage.application.port.out.SegmentIndex;
import java.io.IOException;
import java.io.InputStream;
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
 * Imports a recording (MP4 or MPEG-TS with H.264) as footage from {@code start}: FFmpeg cuts it into 60 s
 * fragmented-MP4 segments with stream copy, and each goes through the same ingest as a recorder's segment (hash,
 * store, verify, index), marked imported. An import may not pass for what a camera recorded or will record: it must
 * start at or after the floor (no year 0001) and end before the segment a recorder may be writing now begins (no
 * future, nothing the recorder is about to upload), and it may not overlap any stored footage. All of that is checked
 * before anything is written, so a refused import writes nothing. Refusals say what is wrong in words; FFmpeg's own
 * output and the server's paths stay in the log.
 */
public final class FootageImport {

    private static final Logger log = LoggerFactory.getLogger(FootageImport.class);

    private final SegmentIngest ingest;
    private final SegmentIndex index;
    private final Path workDir;
    private final String ffmpeg;
    private final long segmentSeconds;
    private final Window window;
    private final java.time.Clock clock;

    /**
     * What an import's range must keep to.
     *
     * @param floor the earliest moment footage may be imported at
     * @param recorderSegment how long a recorder's segment is: an import must end that long before now, so it never
     *     takes the place of the segment being recorded
     */
    public record Window(Instant floor, java.time.Duration recorderSegment) {
    }

    public FootageImport(SegmentIngest ingest, SegmentIndex index, Path workDir, String ffmpeg, long segmentSeconds,
            Window window, java.time.Clock clock) {
        this.ingest = ingest;
        this.index = index;
        this.workDir = workDir;
        this.ffmpeg = ffmpeg;
        this.segmentSeconds = segmentSeconds;
        this.window = window;
        this.clock = clock;
    }

    /** What an import stored. */
    public record Imported(int segments, Instant start, Instant end) {
    }

    /**
     * @throws ProblemException 400 not H.264 video, or a range before the floor or not yet over; 409 footage exists
     *     in the range (named); 503 store away
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
            if (start.isBefore(window.floor())) {
                throw ProblemException.badRequest("start " + start + " is before " + window.floor()
                        + ", the earliest moment footage may be imported at; nothing was imported.");
            }
            Path out = Files.createDirectory(dir.resolve("segments"));
            Path list = dir.resolve("segments.csv");
            List<String> command = new ArrayList<>(List.of(ffmpeg, "-hide_banner", "-loglevel", "error", "-nostdin", "-i",
                    source.toString(), "-map", "0:v:0", "-c", "copy"));
            command.addAll(SegmentList.muxerArgs(segmentSeconds, list, out.resolve("seg-%05d.mp4").toString()));
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(30, TimeUnit.MINUTES) || p.exitValue() != 0 || !Files.exists(list)) {
                log.info("import for camera {} refused: FFmpeg could not cut the file: {}", camera,
                        output.isBlank() ? "no output" : output.lines().reduce((a, b) -> b).orElse("").strip());
                throw ProblemException.badRequest(output.isBlank() ? "The file holds no video stream that can be imported."
                        : "The file could not be read as MP4 or MPEG-TS video with an H.264 stream.");
            }
            List<SegmentList.Entry> lines = SegmentList.read(list);
            if (lines.isEmpty()) {
                throw ProblemException.badRequest("The file holds no video.");
            }
            double zero = lines.getFirst().start();
            Instant end = start.plusMillis(lines.getLast().endMillisFrom(zero));
            Instant latest = clock.instant().minus(window.recorderSegment());
            if (end.isAfter(latest)) {
                throw ProblemException.badRequest("The import would end at " + end + ", after " + latest
                        + ": footage may be imported only up to one recorder segment ("
                        + window.recorderSegment().toSeconds() + " s) before now, never over the time a camera is "
                        + "being recorded or has yet to be; nothing was imported.");
            }
            List<SegmentIndex.IndexedSegment> overlapping = index.segments(camera, start, end);
            if (!overlapping.isEmpty()) {
                Instant from = overlapping.getFirst().start();
                Instant to = overlapping.stream().map(SegmentIndex.IndexedSegment::end).max(Comparator.naturalOrder())
                        .orElseThrow();
                boolean recorded = overlapping.stream().anyMatch(seg -> !seg.imported());
                throw new ProblemException(org.springframework.http.HttpStatus.CONFLICT, "Conflict", "The camera already "
                        + "holds " + (recorded ? "recorded" : "imported") + " footage from " + from + " to " + to
                        + ", which the import (" + start + " to " + end + ") overlaps; stored footage is never replaced, "
                        + "nothing was imported.", java.util.Map.of("overlapStart", from.toString(), "overlapEnd",
                                to.toString(), "importStart", start.toString(), "importEnd", end.toString()));
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
                    log.info("import for camera {} refused: a cut segment is not fragmented MP4: {}", camera, e.getMessage());
                    throw ProblemException.badRequest("The file could not be cut into playable segments.");
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
            log.warn("import for camera {} failed", camera, e);
            throw ProblemException.unavailable("The file could not be received and cut whole (the storage service's "
                    + "work space failed); nothing was imported. Try again.");
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
