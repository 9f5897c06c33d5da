package ae.rta.cctv.live;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Configuration of the live service ({@code cctv.live.*}).
 *
 * @param idleGrace how long a pull outlives its last viewer
 * @param hlsIdle how long an LL-HLS player counts as watching after its last request
 * @param stallTimeout how long a pull may receive nothing before FFmpeg is restarted
 * @param maxBackoff the longest wait between reconnects of a watched pull
 * @param maxLag how much video may wait for one viewer before it skips to the newest keyframe
 * @param maxQueueBytes how many bytes may wait for one viewer before it skips
 * @param sendTimeout how long one send to a viewer may take before the viewer is closed as stuck
 * @param gopBufferBytes the most kept of the current group of pictures for joiners
 * @param partTarget LL-HLS partial segment duration
 * @param minSegment LL-HLS segments are cut at the first keyframe after this
 * @param maxSegment ... and at any frame after this (also the playlist's target duration)
 * @param janusUrls Janus gateways' HTTP API URLs ({@code http://host:8188/janus}); empty: no WebRTC
 * @param janusApiSecret the gateways' {@code api_secret}, if they have one
 * @param janusAdminKey the streaming plugin's {@code admin_key} for creating mountpoints, if it has one
 * @param janusTimeout how long one request to a gateway may take
 * @param webrtcOfferTimeout how long a gateway may take to offer a viewer the stream
 * @param webrtcAnswerTimeout how long a browser may take to answer before it is hung up
 */
@ConfigurationProperties("cctv.live")
public record LiveSettings(
        @DefaultValue("ffmpeg") String ffmpeg,
        @DefaultValue("PT10S") Duration idleGrace,
        @DefaultValue("PT10S") Duration hlsIdle,
        @DefaultValue("PT5S") Duration stallTimeout,
        @DefaultValue("PT10S") Duration maxBackoff,
        @DefaultValue("PT1S") Duration maxLag,
        @DefaultValue("8388608") long maxQueueBytes,
        @DefaultValue("PT10S") Duration sendTimeout,
        @DefaultValue("16777216") long gopBufferBytes,
        @DefaultValue("PT0.2S") Duration partTarget,
        @DefaultValue("PT1S") Duration minSegment,
        @DefaultValue("PT4S") Duration maxSegment,
        @DefaultValue("") List<String> janusUrls,
        @DefaultValue("") String janusApiSecret,
        @DefaultValue("") String janusAdminKey,
        @DefaultValue("PT5S") Duration janusTimeout,
        @DefaultValue("PT10S") Duration webrtcOfferTimeout,
        @DefaultValue("PT30S") Duration webrtcAnswerTimeout) {
}
