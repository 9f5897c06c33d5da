package ae.rta.cctv.storage;

import java.net.URI;
import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Configuration of the storage service ({@code cctv.storage.*}).
 *
 * @param store {@code filesystem} (one machine) or {@code s3} (MinIO, any S3)
 * @param root the filesystem store's folder
 * @param publicUrl how players reach this service, the base of filesystem media links
 * @param maxSegment the largest segment accepted
 * @param defaultRetentionDays how long footage is kept when its camera has no retention of its own
 * @param capacity the store's size; above {@code highWatermark} of it the oldest unheld footage goes (0: no limit)
 * @param fragmentCache how many fragments of stored segments are kept in memory for playback (a stored segment's
 *     fragments never change; about 40 bytes each, one per second of footage)
 * @param importFloor the earliest moment footage may be imported at
 * @param recorderSegment how long a recorder's segment is (the recording service's {@code segment-length}): an
 *     import must end at least that long before now
 */
@ConfigurationProperties("cctv.storage")
public record StorageSettings(
        @DefaultValue("filesystem") String store,
        @DefaultValue("data/footage") Path root,
        @DefaultValue("http://127.0.0.1:8082") String publicUrl,
        @DefaultValue("data/storage-work") Path workDir,
        @DefaultValue("2GB") DataSize maxSegment,
        @DefaultValue("30") int defaultRetentionDays,
        @DefaultValue("0B") DataSize capacity,
        @DefaultValue("0.9") double highWatermark,
        @DefaultValue("1000000") long fragmentCache,
        @DefaultValue("2000-01-01T00:00:00Z") java.time.Instant importFloor,
        @DefaultValue("PT60S") java.time.Duration recorderSegment,
        @DefaultValue S3 s3) {

    /** An S3 or MinIO bucket. */
    public record S3(URI endpoint, @DefaultValue("us-east-1") String region, @DefaultValue("cctv-footage") String bucket,
            String accessKey, String secretKey) {
    }
}
