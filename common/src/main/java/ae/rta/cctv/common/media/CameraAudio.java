package ae.rta.cctv.common.media;

import java.util.ArrayList;
import java.util.List;

/**
 * How FFmpeg keeps or leaves out a camera's sound, the same for recording and live. Sound is off unless an
 * administrator turned it on for the camera (Dubai's rules forbid recording it without approval): then an RTSP
 * camera is not even asked for its audio track. When it is on, AAC is copied as it comes; any other codec (G.711
 * above all, which FFmpeg 5.1's MP4 muxer refuses: "Could not find tag for codec pcm_alaw") is encoded as AAC, the one
 * audio codec MP4, HLS and every browser's Media Source Extensions share.
 */
public final class CameraAudio {

    private CameraAudio() {
    }

    /**
     * Options that go before an RTSP input.
     *
     * @param keep whether the camera's sound is kept
     */
    public static List<String> rtspInputArgs(boolean keep) {
        return keep ? List.of() : List.of("-allowed_media_types", "video");
    }

    /**
     * The output's stream selection and codecs: the first video stream copied, and when {@code keep} the first audio
     * stream, if the input has one.
     *
     * @param audioCodec the camera's audio codec as its session description named it ({@code AAC},
     *     {@code G.711 A-law}, ...), or null when not known yet (then it is encoded: copying an unknown codec could stop
     *     the whole recording)
     */
    public static List<String> outputArgs(boolean keep, String audioCodec) {
        List<String> args = new ArrayList<>(List.of("-map", "0:v:0", "-c:v", "copy"));
        if (keep) {
            args.addAll(List.of("-map", "0:a:0?"));
            args.addAll(copies(audioCodec) ? List.of("-c:a", "copy") : List.of("-c:a", "aac", "-b:a", "64k"));
        }
        return args;
    }

    /** Whether audio of this codec goes into MP4 by stream copy. */
    public static boolean copies(String audioCodec) {
        return "AAC".equals(audioCodec);
    }
}
