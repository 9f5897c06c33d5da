package ae.rta.cctv.playback.application.port.out;

import ae.rta.cctv.playback.domain.ExportJob;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Export jobs, shared by every playback instance. */
public interface ExportJobs {

    void insert(ExportJob job);

    Optional<ExportJob> find(UUID id);

    /** Newest first. @param requestedBy one user's, or null for everybody's */
    List<ExportJob> list(String requestedBy, int page, int size);

    long count(String requestedBy);

    /** Takes the oldest QUEUED job for {@code runner} (now RUNNING), if any; no two runners get the same job. */
    Optional<ExportJob> claim(String runner, Instant now);

    /** Records progress (0..1) of a RUNNING job, which also shows its runner is alive. */
    void progress(UUID id, double progress, Instant now);

    void done(UUID id, String sha256, long sizeBytes, String manifest, String signature, Instant now);

    void fail(UUID id, String error, Instant now);

    /**
     * RUNNING jobs not heard of for {@code silence} (their runner died) go back to QUEUED, up to {@code maxAttempts}
     * runs; past that they FAIL. @return how many were queued again
     */
    int requeueStale(Duration silence, int maxAttempts, Instant now);
}
