package ae.rta.cctv.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

/**
 * HLS clients nobody on this project wrote, reading a playback playlist to its end as an operator's player would:
 * FFmpeg's hls demuxer (decoding every frame) and VLC 3's adaptive module ({@code cvlc}, as {@value
 * ThirdPartyCameras#VLC_USER} when the tests run as root). Each says how many video frames it got and over how
 * much media time, so a player that stops at a file boundary or a discontinuity shows as frames missing.
 */
public final class HlsPlayers {

    /** What a player read: video frames and the media time from the earliest to the latest. */
    public record Played(String player, int frames, double seconds) {
    }

    private HlsPlayers() {
    }

    /** FFmpeg decodes the playlist's video to nothing, frame by frame (no frame rate conversion). */
    public static Played ffmpeg(String playlistUrl) {
        List<String> pts = lines(List.of(Ffmpeg.ffprobe().toString(), "-v", "error", "-allowed_extensions", "ALL",
                "-select_streams", "v:0", "-show_entries", "frame=pts_time", "-of", "csv=p=0", playlistUrl), 600);
        return played("ffmpeg", pts, false);
    }

    /**
     * VLC plays the playlist into a file (its stream output, no display): what it demuxed and sent on is what a viewer
     * would have seen. Duplicates VLC sends (it reads the first segment again after probing) count once.
     */
    public static Played vlc(String playlistUrl) {
        try {
            Path out = Files.createTempDirectory("vlc-out"); // in /tmp: the VLC user must reach it
            Files.setPosixFilePermissions(out, PosixFilePermissions.fromString("rwxrwxrwx"));
            Path file = out.resolve("played.ts");
            List<String> command = new ArrayList<>(ThirdPartyCameras.asVlcUser());
            command.addAll(List.of("env", "HOME=" + out, "cvlc", "-q", "--play-and-exit", "--no-audio", playlistUrl, "--sout",
                    "#std{access=file,mux=ts,dst=" + file + "}"));
            lines(command, 600);
            if (!Files.exists(file)) {
                return new Played("vlc", 0, 0);
            }
            return played("vlc", lines(List.of(Ffmpeg.ffprobe().toString(), "-v", "error", "-select_streams", "v:0",
                    "-show_entries", "packet=pts_time", "-of", "csv=p=0", file.toString()), 300), true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /*
     * Frames and the media time they span. FFmpeg's frames count as they come (ffprobe converts no frame rate, and two
     * runs' timestamps may coincide after a discontinuity); VLC's output is on VLC's own continuous clock, where only its
     * repeats of a segment share a time, so they count once.
     */
    private static Played played(String player, List<String> times, boolean distinctOnly) {
        List<Double> all = new ArrayList<>();
        TreeSet<Double> distinct = new TreeSet<>();
        for (String line : times) {
            String t = line.strip().replace(",", "");
            if (!t.isEmpty() && !t.equals("N/A")) {
                try {
                    double time = Math.round(Double.parseDouble(t) * 1000) / 1000.0;
                    all.add(time);
                    distinct.add(time);
                } catch (NumberFormatException e) {
                    // a warning line: not a frame
                }
            }
        }
        return distinct.isEmpty() ? new Played(player, 0, 0)
                : new Played(player, distinctOnly ? distinct.size() : all.size(), distinct.last() - distinct.first());
    }

    private static List<String> lines(List<String> command, int timeoutSeconds) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(false)
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            p.getOutputStream().close();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException(command.get(0) + " did not finish within " + timeoutSeconds + " s");
            }
            return new String(out, StandardCharsets.UTF_8).lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
