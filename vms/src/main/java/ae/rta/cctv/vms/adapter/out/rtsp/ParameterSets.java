package ae.rta.cctv.vms.adapter.out.rtsp;

/**
 * The picture size in a sequence parameter set: H.264 (ITU-T H.264 7.3.2.1.1) and H.265 (ITU-T H.265 7.3.2.2.1),
 * cropping (H.264 frame_cropping, H.265 conformance window) applied. Reads only as far as the size.
 */
final class ParameterSets {

    private ParameterSets() {
    }

    /** {width, height} of an H.264 SPS NAL unit (header byte included), or null when it is not one. */
    static int[] avcSize(byte[] nal) {
        Bits b = new Bits(unescape(nal), 1);
        if ((nal[0] & 0x1F) != 7) {
            return null;
        }
        int profile = b.u(8);
        b.u(16); // constraint flags, level
        b.ue(); // seq_parameter_set_id
        int chroma = 1;
        if (profile == 100 || profile == 110 || profile == 122 || profile == 244 || profile == 44 || profile == 83
                || profile == 86 || profile == 118 || profile == 128 || profile == 138 || profile == 139 || profile == 134
                || profile == 135) {
            chroma = b.ue();
            if (chroma == 3) {
                b.u(1);
            }
            b.ue();
            b.ue();
            b.u(1);
            if (b.u(1) == 1) { // seq_scaling_matrix_present_flag
                for (int i = 0; i < (chroma != 3 ? 8 : 12); i++) {
                    if (b.u(1) == 1) {
                        skipScalingList(b, i < 6 ? 16 : 64);
                    }
                }
            }
        }
        b.ue(); // log2_max_frame_num_minus4
        int pocType = b.ue();
        if (pocType == 0) {
            b.ue();
        } else if (pocType == 1) {
            b.u(1);
            b.se();
            b.se();
            int n = b.ue();
            for (int i = 0; i < n; i++) {
                b.se();
            }
        }
        b.ue(); // max_num_ref_frames
        b.u(1);
        int widthMbs = b.ue() + 1;
        int heightUnits = b.ue() + 1;
        int frameMbsOnly = b.u(1);
        if (frameMbsOnly == 0) {
            b.u(1);
        }
        b.u(1); // direct_8x8_inference_flag
        int width = widthMbs * 16;
        int height = (2 - frameMbsOnly) * heightUnits * 16;
        if (b.u(1) == 1) { // frame_cropping_flag
            int cropUnitX = chroma == 0 || chroma == 3 ? 1 : 2;
            int cropUnitY = (chroma == 1 ? 2 : 1) * (2 - frameMbsOnly);
            int left = b.ue();
            int right = b.ue();
            int top = b.ue();
            int bottom = b.ue();
            width -= (left + right) * cropUnitX;
            height -= (top + bottom) * cropUnitY;
        }
        return new int[] {width, height};
    }

    /** {width, height} of an H.265 SPS NAL unit (two header bytes included), or null when it is not one. */
    static int[] hevcSize(byte[] nal) {
        if (((nal[0] >> 1) & 0x3F) != 33) {
            return null;
        }
        Bits b = new Bits(unescape(nal), 2);
        b.u(4); // sps_video_parameter_set_id
        int maxSubLayersMinus1 = b.u(3);
        b.u(1);
        b.skip(88); // general profile space, tier, idc, compatibility flags, constraint flags
        b.u(8); // general_level_idc
        boolean[] profilePresent = new boolean[maxSubLayersMinus1];
        boolean[] levelPresent = new boolean[maxSubLayersMinus1];
        for (int i = 0; i < maxSubLayersMinus1; i++) {
            profilePresent[i] = b.u(1) == 1;
            levelPresent[i] = b.u(1) == 1;
        }
        if (maxSubLayersMinus1 > 0) {
            b.skip(2 * (8 - maxSubLayersMinus1));
        }
        for (int i = 0; i < maxSubLayersMinus1; i++) {
            if (profilePresent[i]) {
                b.skip(88);
            }
            if (levelPresent[i]) {
                b.skip(8);
            }
        }
        b.ue(); // sps_seq_parameter_set_id
        int chroma = b.ue();
        if (chroma == 3) {
            b.u(1);
        }
        int width = b.ue();
        int height = b.ue();
        if (b.u(1) == 1) { // conformance_window_flag
            int subWidth = chroma == 1 || chroma == 2 ? 2 : 1;
            int subHeight = chroma == 1 ? 2 : 1;
            int left = b.ue();
            int right = b.ue();
            int top = b.ue();
            int bottom = b.ue();
            width -= subWidth * (left + right);
            height -= subHeight * (top + bottom);
        }
        return new int[] {width, height};
    }

    private static void skipScalingList(Bits b, int size) {
        int last = 8;
        int next = 8;
        for (int j = 0; j < size; j++) {
            if (next != 0) {
                next = (last + b.se() + 256) % 256;
            }
            last = next == 0 ? last : next;
        }
    }

    /* The RBSP: every emulation-prevention byte (00 00 03) removed. */
    private static byte[] unescape(byte[] nal) {
        byte[] out = new byte[nal.length];
        int n = 0;
        int zeros = 0;
        for (byte v : nal) {
            if (zeros >= 2 && v == 3) {
                zeros = 0;
                continue;
            }
            zeros = v == 0 ? zeros + 1 : 0;
            out[n++] = v;
        }
        return java.util.Arrays.copyOf(out, n);
    }

    /** Big-endian bits with Exp-Golomb codes (ITU-T H.264 9.1). */
    private static final class Bits {
        private final byte[] data;
        private long position;

        Bits(byte[] data, int startByte) {
            this.data = data;
            this.position = startByte * 8L;
        }

        int u(int n) {
            int v = 0;
            for (int i = 0; i < n; i++) {
                int bytePos = (int) (position >> 3);
                if (bytePos >= data.length) {
                    throw new IndexOutOfBoundsException("the parameter set ends early");
                }
                v = (v << 1) | ((data[bytePos] >> (7 - (position & 7))) & 1);
                position++;
            }
            return v;
        }

        void skip(int n) {
            position += n;
        }

        int ue() {
            int zeros = 0;
            while (u(1) == 0) {
                if (++zeros > 31) {
                    throw new IndexOutOfBoundsException("not an Exp-Golomb code");
                }
            }
            return zeros == 0 ? 0 : (1 << zeros) - 1 + u(zeros);
        }

        int se() {
            int k = ue();
            return (k & 1) == 1 ? (k + 1) / 2 : -(k / 2);
        }
    }
}
