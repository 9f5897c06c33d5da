package ae.rta.cctv.live.domain;

import java.nio.ByteBuffer;

/** Made-up fragments of a 25 fps stream with a keyframe every {@code gop} frames, timescale 90 kHz. */
final class Fragments {

    static final InitSection INIT = init(1);

    private Fragments() {
    }

    static InitSection init(int generation) {
        return new InitSection(ByteBuffer.wrap(new byte[] {0, 0, 0, 8, 'f', 't', 'y', 'p'}), "video/mp4; codecs=\"avc1.42c01e\"",
                "avc1.42c01e", 640, 360, 90_000, generation);
    }

    /** Frame {@code n} (from 0) of {@code size} bytes; frames n % gop == 0 are keyframes. */
    static Fragment frame(InitSection init, int n, int gop, int size) {
        return new Fragment(ByteBuffer.wrap(new byte[size]), init, n * 3600L, 3600, n % gop == 0, n * 40_000_000L,
                1_000_000L + n * 40L);
    }

    static Fragment frame(int n, int gop) {
        return frame(INIT, n, gop, 1000);
    }
}
