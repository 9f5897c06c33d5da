package ae.rta.cctv.vms.adapter.out.rtsp;

import static org.assertj.core.api.Assertions.assertThat;

import ae.rta.cctv.vms.domain.StreamDescription;
import org.junit.jupiter.api.Test;

/** Session descriptions as cameras send them (golden inputs), read for codec, picture size, audio and track URL. */
final class SessionDescriptionTest {

    /* What GStreamer's RTSP server (gst-rtsp-server 1.22, Debian 12) answered to DESCRIBE for a 640x360 test pattern. */
    private static final String GSTREAMER = """
            v=0\r
            o=- 11259813932239076443 1 IN IP4 127.0.0.1\r
            s=Session streamed with GStreamer\r
            t=0 0\r
            a=control:*\r
            a=range:npt=now-\r
            m=video 0 RTP/AVP 96\r
            c=IN IP4 0.0.0.0\r
            a=rtpmap:96 H264/90000\r
            a=fmtp:96 packetization-mode=1;sprop-parameter-sets=Z0LAHtoCgL/lwFqDAwNSgAAAAwCAAAAZR4sXUA==,aM48gA==;profile-level-id=42c01e\r
            a=control:stream=0\r
            """;

    /*
     * A camera with H.265 video and AAC audio, as an IP camera announces it (RFC 7798 sprop-*); the parameter sets are
     * those libx265 3.5 (Debian 12's FFmpeg 5.1) writes for 1920x1080 Main.
     */
    private static final String HEVC_WITH_AUDIO = """
            v=0
            s=Media Presentation
            m=video 0 RTP/AVP 98
            a=rtpmap:98 H265/90000
            a=fmtp:98 sprop-vps=QAEMAf//AWAAAAMAkAAAAwAAAwB4lZgJ; sprop-sps=QgEBAWAAAAMAkAAAAwAAAwB4oAPAgBDlllZpJMrwFoCAAAADAIAAAAyE; sprop-pps=RAHBc9CJ
            a=control:trackID=1
            m=audio 0 RTP/AVP 97
            a=rtpmap:97 MPEG4-GENERIC/16000/1
            a=control:trackID=2
            """;

    @Test
    void gstreamersTestPatternIsH264At640x360WithoutAudio() {
        StreamDescription d = SessionDescription.parse(GSTREAMER);
        assertThat(d.videoCodec()).isEqualTo("H.264");
        assertThat(d.resolution()).isEqualTo("640x360");
        assertThat(d.audio()).isFalse();
        assertThat(SessionDescription.videoControl(GSTREAMER, "rtsp://127.0.0.1:8554/cam/"))
                .isEqualTo("rtsp://127.0.0.1:8554/cam/stream=0");
    }

    @Test
    void anHevcCameraWithAacAudioIsReadAsSuch() {
        StreamDescription d = SessionDescription.parse(HEVC_WITH_AUDIO);
        assertThat(d.videoCodec()).isEqualTo("H.265");
        assertThat(d.resolution()).isEqualTo("1920x1080");
        assertThat(d.audio()).isTrue();
        assertThat(d.audioCodec()).isEqualTo("AAC");
        assertThat(SessionDescription.videoControl(HEVC_WITH_AUDIO, "rtsp://cam/live"))
                .isEqualTo("rtsp://cam/live/trackID=1");
    }

    /* libx264's High profile SPS for 1280x720 (Debian 12's FFmpeg 5.1): the chroma-format branch of the SPS. */
    @Test
    void aHighProfileH264SequenceParameterSetGivesItsSize() {
        StreamDescription d = SessionDescription.parse("m=video 0 RTP/AVP 96\na=rtpmap:96 H264/90000\n"
                + "a=fmtp:96 packetization-mode=1;sprop-parameter-sets=Z2QAH6zZQFAFuwEQAAADABAAAAMDIPGDGWA=,aOvjyyLA\n");
        assertThat(d.resolution()).isEqualTo("1280x720");
    }

    @Test
    void whatCannotBeReadSaysNothingRatherThanFailing() {
        StreamDescription d = SessionDescription.parse("m=video 0 RTP/AVP 96\na=rtpmap:96 H264/90000\n"
                + "a=fmtp:96 sprop-parameter-sets=!!notbase64,xx\n");
        assertThat(d.videoCodec()).isEqualTo("H.264");
        assertThat(d.resolution()).isNull();
        assertThat(SessionDescription.parse("").videoCodec()).isNull();
    }
}
