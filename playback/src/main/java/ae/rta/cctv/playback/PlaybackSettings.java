package ae.rta.cctv.playback;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Configuration of the playback service ({@code cctv.playback.*}).
 *
 * @param publicUrl how players reach this service (the base of playlist URLs)
 * @param minLocalCoverage the share of a range stored footage must cover for it to play from storage
 * @param maxRange the longest range one playlist may span
 * @param linkTtl how long the ticket of a playlist's, media or download link holds (the player renews it through the
 *     api; {@code cctv.playback.link-ttl}, the api reads it too)
 * @param linkCheckInterval how long the api's answer that a link's grant holds is kept (at most 30 s)
 * @param targetSegment how long each HLS segment of a playlist is (whole fragments, so about)
 * @param exportDirectory where exported files are written (a shared volume when several instances run)
 * @param exportMaxRange the longest range one export may span
 * @param exportWorkers how many exports one instance writes at once
 * @param exportTimeout how long one export's FFmpeg run may take
 * @param ffmpeg the FFmpeg executable
 * @param cacheDirectory where footage fetched from upstream VMSs is kept
 * @param cacheSize the upstream cache's size (least recently used pieces go past it)
 * @param upstreamPiece the unit of upstream fetching and caching (pieces are aligned to the clock)
 * @param upstreamFetches how many upstream replays run at once
 * @param upstreamMaxRange the longest range fetched from upstream in one request
 * @param upstreamFirstSegmentTimeout how long an UPSTREAM answer waits for its first segment
 * @param fillGaps whether holes in a LOCAL range are fetched from the camera's upstream VMS (at most
 *     {@code upstreamMaxRange} of them per answer) and played in their place
 */
@ConfigurationProperties("cctv.playback")
public record PlaybackSettings(
        @DefaultValue("http://127.0.0.1:8090") String publicUrl,
        @DefaultValue("0.8") double minLocalCoverage,
        @DefaultValue("PT24H") Duration maxRange,
        @DefaultValue("PT5M") Duration linkTtl,
        @DefaultValue("PT30S") Duration linkCheckInterval,
        @DefaultValue("PT4S") Duration targetSegment,
        @DefaultValue("data/exports") java.nio.file.Path exportDirectory,
        @DefaultValue("PT4H") Duration exportMaxRange,
        @DefaultValue("2") int exportWorkers,
        @DefaultValue("PT2H") Duration exportTimeout,
        @DefaultValue("ffmpeg") String ffmpeg,
        @DefaultValue("data/playback-cache") java.nio.file.Path cacheDirectory,
        @DefaultValue("10GB") org.springframework.util.unit.DataSize cacheSize,
        @DefaultValue("PT60S") Duration upstreamPiece,
        @DefaultValue("8") int upstreamFetches,
        @DefaultValue("PT1H") Duration upstreamMaxRange,
        @DefaultValue("PT20S") Duration upstreamFirstSegmentTimeout,
        @DefaultValue("true") boolean fillGaps) {
}
