package ae.rta.cctv.vms.adapter.out.rtsp;

import ae.rta.cctv.vms.domain.StreamDescription;
import java.util.Base64;
import java.util.Locale;

/**
 * What a camera's session description (RFC 8866 SDP, as RTSP DESCRIBE answers it) says of its streams: the video
 * codec from {@code a=rtpmap} (RFC 6184 H264, RFC 7798 H265), the picture size from the sequence parameter set in
 * {@code a=fmtp} ({@code sprop-parameter-sets}, {@code sprop-sps}), and whether there is an audio track and in what.
 */
final class SessionDescription {

    private SessionDescription() {
    }

    /**
     * Where to SETUP the first video track: its {@code a=control} resolved against {@code base} (the answer's
     * Content-Base, else the DESCRIBE URL), per RFC 2326 C.1.1; {@code base} itself when it names none or {@code *}.
     */
    static String videoControl(String sdp, String base) {
        String media = null;
        for (String raw : sdp.split("\r?\n")) {
            String line = raw.strip();
            if (line.startsWith("m=")) {
                if ("video".equals(media)) {
                    break;
                }
                media = line.substring(2).split(" ")[0].toLowerCase(Locale.ROOT);
            } else if (line.startsWith("a=control:") && "video".equals(media)) {
                String control = line.substring(10).strip();
                if (control.isEmpty() || control.equals("*")) {
                    return base;
                }
                if (control.regionMatches(true, 0, "rtsp://", 0, 7) || control.regionMatches(true, 0, "rtsps://", 0, 8)) {
                    return control;
                }
                return base.endsWith("/") ? base + control : base + "/" + control;
            }
        }
        return base;
    }

    static StreamDescription parse(String sdp) {
        String media = null;
        String videoPayload = null;
        String videoCodec = null;
        String audioCodec = null;
        boolean audio = false;
        int[] size = {0, 0};
        for (String raw : sdp.split("\r?\n")) {
            String line = raw.strip();
            if (line.startsWith("m=")) {
                String[] f = line.substring(2).split(" ");
                media = f[0].toLowerCase(Locale.ROOT);
                if (media.equals("video") && videoPayload == null && f.length > 3) {
                    videoPayload = f[3];
                } else if (media.equals("audio")) {
                    audio = true;
                }
            } else if (line.startsWith("a=rtpmap:") && media != null) {
                String[] f = line.substring(9).split("[ /]");
                if (f.length < 2) {
                    continue;
                }
                String encoding = f[1].toUpperCase(Locale.ROOT);
                if (media.equals("video") && f[0].equals(videoPayload)) {
                    videoCodec = switch (encoding) {
                        case "H264" -> "H.264";
                        case "H265" -> "H.265";
                        case "JPEG" -> "MJPEG";
                        case "MP4V-ES" -> "MPEG-4";
                        default -> encoding;
                    };
                } else if (media.equals("audio") && audioCodec == null) {
                    audioCodec = switch (encoding) {
                        case "MPEG4-GENERIC", "MP4A-LATM" -> "AAC";
                        case "PCMA" -> "G.711 A-law";
                        case "PCMU" -> "G.711 mu-law";
                        default -> encoding;
                    };
                }
            } else if (line.startsWith("a=fmtp:") && "video".equals(media)) {
                for (String p : line.substring(line.indexOf(' ') + 1).split(";")) {
                    String[] kv = p.strip().split("=", 2);
                    if (kv.length == 2 && (kv[0].equalsIgnoreCase("sprop-parameter-sets") || kv[0].equalsIgnoreCase("sprop-sps"))) {
                        boolean hevc = kv[0].equalsIgnoreCase("sprop-sps");
                        try {
                            byte[] sps = Base64.getDecoder().decode(kv[1].split(",")[0].strip());
                            int[] found = hevc ? ParameterSets.hevcSize(sps) : ParameterSets.avcSize(sps);
                            if (found != null) {
                                size = found;
                            }
                        } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
                            // A parameter set we cannot read says nothing of the size; the codec stands.
                        }
                    }
                }
            }
        }
        return new StreamDescription(videoCodec, size[0], size[1], audio, audioCodec, null);
    }
}
