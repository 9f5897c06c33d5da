package ae.rta.cctv.common.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ae.rta.cctv.testsupport.Ffmpeg;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class Fmp4Test {

    @TempDir
    Path dir;

    private Path encode(String name, int seconds, int gop) throws Exception {
        Path out = dir.resolve(name);
        Process p = new ProcessBuilder(Ffmpeg.ffmpeg().toString(), "-hide_banner", "-loglevel", "error", "-f", "lavfi",
                "-i", "testsrc2=size=640x360:rate=25", "-t", Integer.toString(seconds), "-c:v", "libx264", "-preset",
                "ultrafast", "-g", Integer.toString(gop), "-keyint_min", Integer.toString(gop), "-sc_threshold", "0",
                "-movflags", "+frag_keyframe+empty_moov+default_base_moof", "-f", "mp4", out.toString())
                .redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor()).as(output).isZero();
        return out;
    }

    /** Regression: an H.265 init said codecs="hev1" with no profile, tier or level, which MSE refuses. */
    @Test
    void hevcCodecStringsFollowIso14496Part15AnnexE() {
        java.nio.ByteBuffer main = java.nio.ByteBuffer.wrap(new byte[] {1, 0x01, 0x60, 0, 0, 0, (byte) 0xB0, 0, 0, 0, 0, 0, 93});
        assertThat(Fmp4.hevcCodecs("hvc1", main)).isEqualTo("hvc1.1.6.L93.B0");
        java.nio.ByteBuffer odd = java.nio.ByteBuffer.wrap(new byte[] {1, (byte) (0x40 | 0x20 | 0x02), 0x20, 0, 0, 0,
                (byte) 0x90, 0, 0, 0, 0, 0x01, 120});
        assertThat(Fmp4.hevcCodecs("hev1", odd)).isEqualTo("hev1.A2.4.H120.90.00.00.00.00.01");
    }

    @Test
    void anH265StreamCopyNamesItsFullCodecString() throws Exception {
        Path out = dir.resolve("hevc.mp4");
        Process p = new ProcessBuilder(Ffmpeg.ffmpeg().toString(), "-hide_banner", "-loglevel", "error", "-f", "lavfi",
                "-i", "testsrc2=size=640x360:rate=25", "-t", "2", "-c:v", "libx265", "-preset", "ultrafast",
                "-x265-params", "log-level=error:keyint=25", "-tag:v", "hvc1",
                "-movflags", "+frag_keyframe+empty_moov+default_base_moof", "-f", "mp4", out.toString())
                .redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor()).as(output).isZero();
        Fmp4.Layout layout;
        try (FileChannel channel = FileChannel.open(out, StandardOpenOption.READ)) {
            layout = Fmp4.inspect(channel);
        }
        assertThat(layout.codec()).isEqualTo("hvc1");
        // x265's Main profile: profile 1, compatibility flags 0x60000000 (reversed: 6), level 3 (90) or higher.
        assertThat(layout.codecs()).matches("hvc1\\.1\\.6\\.L\\d{2,3}(\\.[0-9A-F]{2})+");
        assertThat(layout.width()).isEqualTo(640);
    }

    @Test
    void everyFragmentOfAStreamCopySegmentIsFoundWithItsTimeBytesAndKeyframe() throws Exception {
        Path file = encode("ten-seconds.mp4", 10, 25);
        Fmp4.Layout layout;
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            layout = Fmp4.inspect(channel);
        }
        assertThat(layout.codec()).isEqualTo("avc1");
        assertThat(layout.codecs()).as("RFC 6381: profile, compatibility and level from avcC").matches("avc1\\.[0-9a-f]{6}");
        assertThat(layout.width()).isEqualTo(640);
        assertThat(layout.height()).isEqualTo(360);
        assertThat(layout.durationMs()).isBetween(9_900L, 10_100L);
        assertThat(layout.fragments()).hasSize(10).allSatisfy(f -> {
            assertThat(f.keyframe()).isTrue();
            assertThat(f.durationMs()).isBetween(990L, 1010L);
        });
        assertThat(layout.fragments().getFirst().byteOffset()).isEqualTo(layout.initSize());
        Fmp4.Fragment last = layout.fragments().getLast();
        // FFmpeg closes the file with a fragment random-access index (mfra) after the last fragment.
        assertThat(Files.size(file) - (last.byteOffset() + last.size())).isBetween(0L, 1024L);
        for (int i = 1; i < layout.fragments().size(); i++) {
            Fmp4.Fragment before = layout.fragments().get(i - 1);
            Fmp4.Fragment f = layout.fragments().get(i);
            assertThat(f.byteOffset()).isEqualTo(before.byteOffset() + before.size());
            assertThat(f.offsetMs()).isEqualTo(before.offsetMs() + before.durationMs());
        }
    }

    @Test
    void aFileCutShortByACrashIsIndexedUpToItsLastWholeFragment() throws Exception {
        Path file = encode("cut.mp4", 5, 25);
        long full = Files.size(file);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.truncate(full - 1000);
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            assertThat(Fmp4.inspect(channel).fragments()).hasSize(4);
        }
    }

    @Test
    void somethingElseIsRefusedWithAReason() throws Exception {
        Path text = Files.writeString(dir.resolve("not.mp4"), "this is not a video at all, just some text bytes");
        try (FileChannel channel = FileChannel.open(text, StandardOpenOption.READ)) {
            assertThatThrownBy(() -> Fmp4.inspect(channel)).isInstanceOf(Fmp4.NotFragmentedMp4Exception.class);
        }
    }
}
