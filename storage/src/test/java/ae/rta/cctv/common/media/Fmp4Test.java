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

    /*
     * An esds as ISO/IEC 14496-1 7.2.6 lays it out: ES_Descriptor (3) > DecoderConfigDescriptor (4, objectType 0x40,
     * MPEG-4 audio) > DecoderSpecificInfo (5): the AudioSpecificConfig of ISO/IEC 14496-3 1.6.2.1.
     */
    private static java.nio.ByteBuffer esds(int... config) {
        byte[] audioSpecificConfig = new byte[config.length];
        for (int i = 0; i < config.length; i++) {
            audioSpecificConfig[i] = (byte) config[i];
        }
        java.io.ByteArrayOutputStream b = new java.io.ByteArrayOutputStream();
        b.writeBytes(new byte[] {0, 0, 0, 0}); // version, flags
        b.writeBytes(new byte[] {3, (byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) (23 + audioSpecificConfig.length), 0, 1, 0});
        b.writeBytes(new byte[] {4, (byte) (15 + audioSpecificConfig.length), 0x40, 0x15, 0, 0, 0, 0, 0, (byte) 0xFA, 0,
                0, 0, (byte) 0xFA, 0});
        b.write(5);
        b.write(audioSpecificConfig.length);
        b.writeBytes(audioSpecificConfig);
        b.writeBytes(new byte[] {6, 1, 2}); // SLConfigDescriptor
        return java.nio.ByteBuffer.wrap(b.toByteArray());
    }

    @Test
    void aacCodecStringsFollowRfc6381() {
        // AAC-LC, 16 kHz, mono: 00010 1000 0001 000 -> 0x14 0x08
        assertThat(Fmp4.esdsCodecs(esds(0x14, 0x08))).isEqualTo("mp4a.40.2");
        // HE-AAC (SBR, object type 5) signalled explicitly: 00101 ...
        assertThat(Fmp4.esdsCodecs(esds(0x2B, 0x92, 0x08, 0x00))).isEqualTo("mp4a.40.5");
        // An escaped object type: 31 then 6 bits, 000001 -> 32 + 1 = 33
        assertThat(Fmp4.esdsCodecs(esds(0xF8, 0x20, 0, 0))).isEqualTo("mp4a.40.33");
    }

    /** Issue 19 item 6: a camera's sound is kept beside its video; the video track still drives the index. */
    @Test
    void aFileWithSoundIsIndexedByItsVideoAndNamesBothCodecs() throws Exception {
        Path out = dir.resolve("with-sound.mp4");
        Process p = new ProcessBuilder(Ffmpeg.ffmpeg().toString(), "-hide_banner", "-loglevel", "error", "-f", "lavfi",
                "-i", "testsrc2=size=640x360:rate=25", "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=16000",
                "-t", "6", "-c:v", "libx264", "-preset", "ultrafast", "-g", "25", "-keyint_min", "25", "-sc_threshold",
                "0", "-c:a", "aac", "-movflags", "+frag_keyframe+empty_moov+default_base_moof", "-f", "mp4",
                out.toString()).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor()).as(output).isZero();
        Fmp4.Layout layout;
        try (FileChannel channel = FileChannel.open(out, StandardOpenOption.READ)) {
            layout = Fmp4.inspect(channel);
        }
        assertThat(layout.codecs()).matches("avc1\\.[0-9a-f]{6}");
        assertThat(layout.audioCodecs()).isEqualTo("mp4a.40.2");
        assertThat(layout.durationMs()).isBetween(5_900L, 6_100L);
        assertThat(layout.fragments()).hasSize(6).allSatisfy(f -> assertThat(f.keyframe()).isTrue());
        Fmp4.Fragment last = layout.fragments().getLast();
        assertThat(Files.size(out) - (last.byteOffset() + last.size())).as("every byte up to the index is in a fragment")
                .isBetween(0L, 1024L);
        byte[] init = java.util.Arrays.copyOf(Files.readAllBytes(out), (int) layout.initSize());
        int moov = new String(init, java.nio.charset.StandardCharsets.ISO_8859_1).indexOf("moov") - 4;
        Fmp4.Track track = Fmp4.track(java.nio.ByteBuffer.wrap(init, moov + 8, init.length - moov - 8));
        assertThat(track.mimeType()).isEqualTo("video/mp4; codecs=\"" + layout.codecs() + ",mp4a.40.2\"");
        assertThat(track.defaultDuration()).as("the video track's own defaults (trex), not the audio track's")
                .isIn(0L, 512L);
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
