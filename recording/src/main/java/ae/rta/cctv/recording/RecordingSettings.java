package ae.rta.cctv.recording;

import ae.rta.cctv.recording.domain.RecordingMode;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Configuration of the recording service ({@code cctv.recording.*}).
 *
 * @param defaultMode how cameras without a schedule record
 * @param segmentLength the length of a segment (cut at the next keyframe after it)
 * @param stallTimeout how long FFmpeg may write nothing before the watchdog restarts it
 * @param leaseTtl how long a camera's lease lives without renewal (an instance's cameras move after it)
 * @param instance this instance's name among recording instances; empty for host-pid-random
 */
@ConfigurationProperties("cctv.recording")
public record RecordingSettings(
        @DefaultValue("CONTINUOUS") RecordingMode defaultMode,
        @DefaultValue("data/spool") Path spool,
        @DefaultValue("ffmpeg") String ffmpeg,
        @DefaultValue("PT60S") Duration segmentLength,
        @DefaultValue("PT5S") Duration stallTimeout,
        @DefaultValue("PT15S") Duration leaseTtl,
        @DefaultValue("PT2S") Duration tick,
        @DefaultValue("") String instance) {
}
