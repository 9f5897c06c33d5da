package ae.rta.cctv.storage;

import ae.rta.cctv.testsupport.Ffmpeg;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;

/** Real fragmented-MP4 segments made by FFmpeg, as a recorder would upload them. */
public final class SegmentFiles {

    private SegmentFiles() {
    }

    /** A segment of {@code seconds} of 640x360 H.264, one keyframe a second; {@code seed} varies the picture. */
    public static Path make(Path dir, String name, int seconds, int seed) throws Exception {
        Path out = dir.resolve(name);
        Process p = new ProcessBuilder(Ffmpeg.ffmpeg().toString(), "-hide_banner", "-loglevel", "error", "-y", "-f", "lavfi",
                "-i", "testsrc2=size=640x360:rate=25", "-ss", Integer.toString(seed), "-t", Integer.toString(seconds),
                "-c:v", "libx264", "-preset", "ultrafast", "-g", "25", "-keyint_min", "25", "-sc_threshold", "0",
                "-movflags", "+frag_keyframe+empty_moov+default_base_moof", "-f", "mp4", out.toString())
                .redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        if (p.waitFor() != 0) {
            throw new IllegalStateException("ffmpeg failed: " + output);
        }
        return out;
    }

    /**
     * A long recording made cheaply: one minute encoded once ({@code size}, 25 fps, keyframe each second), joined
     * {@code minutes} times with stream copy, written as {@code format} ({@code mp4} or {@code mpegts}).
     */
    public static Path longRecording(Path dir, String name, int minutes, String size, String format) throws Exception {
        Path minute = dir.resolve("minute.mp4");
        run(Ffmpeg.ffmpeg().toString(), "-hide_banner", "-loglevel", "error", "-y", "-f", "lavfi", "-i",
                "testsrc2=size=" + size + ":rate=25", "-t", "60", "-c:v", "libx264", "-preset", "ultrafast", "-g", "25",
                "-keyint_min", "25", "-sc_threshold", "0", minute.toString());
        Path list = dir.resolve("list.txt");
        StringBuilder entries = new StringBuilder();
        for (int i = 0; i < minutes; i++) {
            entries.append("file '").append(minute).append("'\n");
        }
        Files.writeString(list, entries);
        Path out = dir.resolve(name);
        run(Ffmpeg.ffmpeg().toString(), "-hide_banner", "-loglevel", "error", "-y", "-f", "concat", "-safe", "0", "-i",
                list.toString(), "-c", "copy", "-f", format, out.toString());
        return out;
    }

    private static void run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        if (p.waitFor() != 0) {
            throw new IllegalStateException("ffmpeg failed: " + output);
        }
    }

    public static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    public static String sha256(Path file) throws Exception {
        return sha256(Files.readAllBytes(file));
    }
}
