package ae.rta.cctv.playback.adapter.out.ffmpeg;

import ae.rta.cctv.playback.application.port.out.ExportWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.function.DoubleConsumer;

/**
 * Writes exports with FFmpeg, stream copy only, in two passes: the playlist (byte ranges of stored files, one
 * discontinuity per file) is first joined into one MP4 starting at the keyframe before the asked start; then that is
 * cut with an input seek, which in copy mode keeps the keyframe and writes an MP4 edit list so players open the file
 * at the asked moment, with the index moved to the front ({@code +faststart}). FFmpeg's HLS reader cannot seek
 * across discontinuities, hence the first pass. Progress is FFmpeg's output clock ({@code -progress}).
 */
public final class FfmpegExportWriter implements ExportWriter {

    private static final double JOIN_SHARE = 0.9;

    private final String ffmpeg;
    private final Duration timeout;

    public FfmpegExportWriter(String ffmpeg, Duration timeout) {
        this.ffmpeg = ffmpeg;
        this.timeout = timeout;
    }

    @Override
    public void write(Path playlist, Duration offset, Duration length, Path out, DoubleConsumer progress) {
        Path joined = out.resolveSibling("joined.mp4");
        double total = (offset.toMillis() + length.toMillis()) / 1000.0;
        try {
            run(List.of(ffmpeg, "-hide_banner", "-loglevel", "error", "-nostdin", "-y",
                    "-protocol_whitelist", "file,http,https,tcp,tls,crypto", "-allowed_extensions", "ALL",
                    "-i", playlist.toString(), "-map", "0", "-c", "copy", "-progress", "pipe:1", "-stats_period", "0.5",
                    "-f", "mp4", joined.toString()), seconds -> progress.accept(JOIN_SHARE * Math.min(1, seconds / total)));
            run(List.of(ffmpeg, "-hide_banner", "-loglevel", "error", "-nostdin", "-y",
                    "-ss", seconds(offset), "-i", joined.toString(), "-t", seconds(length), "-map", "0", "-c", "copy",
                    "-movflags", "+faststart", "-progress", "pipe:1", "-f", "mp4", out.toString()),
                    seconds -> progress.accept(JOIN_SHARE + (1 - JOIN_SHARE) * Math.min(1, seconds / Math.max(0.001, length.toMillis() / 1000.0))));
            progress.accept(1);
        } finally {
            try {
                Files.deleteIfExists(joined);
            } catch (IOException ignored) {
                // a leftover temporary file in the export's own folder
            }
        }
    }

    private static String seconds(Duration d) {
        return String.format(Locale.ROOT, "%.3f", d.toMillis() / 1000.0);
    }

    private void run(List<String> command, DoubleConsumer outSeconds) {
        FfmpegRun.run(command, timeout, line -> {
            if (line.startsWith("out_time_us=")) {
                try {
                    outSeconds.accept(Long.parseLong(line.substring("out_time_us=".length())) / 1e6);
                } catch (NumberFormatException ignored) {
                    // "N/A" before the first packet
                }
            }
        }, ExportFailedException::new);
    }
}
