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

    public static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    public static String sha256(Path file) throws Exception {
        return sha256(Files.readAllBytes(file));
    }
}
