package ae.rta.cctv.storage.application;

import ae.rta.cctv.common.domain.CameraId;
import ae.rta.cctv.common.web.ProblemException;
import ae.rta.cctv.storage.application.port.out.ObjectStore;
import ae.rta.cctv.storage.application.port.out.SegmentIndex;
import ae.rta.cctv.storage.application.port.out.SegmentIndex.IndexedSegment;
import ae.rta.cctv.storage.application.port.out.SegmentIndex.Outcome;
import ae.rta.cctv.common.media.Fmp4;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;

/**
 * Takes a finished segment from a recorder: receives it whole (hashing as it comes), reads its fragment layout,
 * stores it, checks the store holds exactly those bytes, and indexes it with its fragments, fenced by the
 * recorder's lease token. Only a 2xx answer means the segment is safe; the recorder keeps its spool copy until then.
 */
public final class SegmentIngest {

    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy/MM/dd").withZone(ZoneOffset.UTC);

    private final ObjectStore store;
    private final SegmentIndex index;
    private final Path workDir;
    private final long maxBytes;
    private final MeterRegistry registry;

    /** An upload as announced. @param sha256 what the recorder computed, or null @param fencingToken -1 for an import */
    public record Upload(CameraId camera, Instant start, String sha256, String recorder, long fencingToken) {
        public Upload {
            if (sha256 != null && !SHA256.matcher(sha256).matches()) {
                throw new IllegalArgumentException("sha256 must be 64 lower-case hex digits");
            }
            if (recorder == null || recorder.isBlank() || recorder.length() > 100) {
                throw new IllegalArgumentException("recorder must be 1 to 100 characters");
            }
            if (fencingToken < -1) {
                throw new IllegalArgumentException("fence must not be negative");
            }
        }
    }

    /** What became of an upload. @param created false when the same segment had been indexed before */
    public record Stored(IndexedSegment segment, boolean created) {
    }

    public SegmentIngest(ObjectStore store, SegmentIndex index, Path workDir, long maxBytes, MeterRegistry registry) {
        this.store = store;
        this.index = index;
        this.workDir = workDir;
        this.maxBytes = maxBytes;
        this.registry = registry;
        // Counted as segments arrive; registered now so they read 0 (and rates and alerts work) before the first.
        for (String name : java.util.List.of("cctv.storage.segments.indexed", "cctv.storage.bytes.stored",
                "cctv.storage.segments.fenced", "cctv.storage.store.unavailable")) {
            registry.counter(name);
        }
    }

    /**
     * @throws ProblemException 400 damaged or not a fragmented MP4, 409 fenced or overlapping, 413 too large,
     *     503 the object store is unavailable
     */
    public Stored ingest(Upload upload, InputStream body) {
        Path temp = null;
        try {
            Files.createDirectories(workDir);
            temp = Files.createTempFile(workDir, "upload", ".mp4");
            Received received = receive(body, temp);
            if (upload.sha256() != null && !upload.sha256().equals(received.sha256())) {
                throw ProblemException.badRequest("The segment arrived damaged: its SHA-256 is " + received.sha256()
                        + ", not the announced " + upload.sha256() + ". Send it again.");
            }
            Fmp4.Layout layout;
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.READ)) {
                layout = Fmp4.inspect(channel);
            } catch (Fmp4.NotFragmentedMp4Exception e) {
                throw ProblemException.badRequest("The segment is not a fragmented MP4: " + e.getMessage());
            }
            Instant end = upload.start().plusMillis(Math.max(1, layout.durationMs()));
            String key = "cameras/" + upload.camera() + "/" + DAY.format(upload.start()) + "/" + upload.start().toEpochMilli()
                    + "-" + received.sha256().substring(0, 12) + ".mp4";
            store.put(key, temp, received.sha256());
            Optional<ObjectStore.StoredObject> stored = store.head(key);
            if (stored.isEmpty() || stored.get().size() != received.bytes()
                    || !received.sha256().equals(stored.get().sha256())) {
                store.delete(key);
                throw ProblemException.unavailable("The object store did not keep the segment as sent; send it again.");
            }
            Outcome outcome = index.index(new SegmentIndex.NewSegment(upload.camera(), upload.start(), end, received.bytes(),
                    received.sha256(), layout, store.name(), key, upload.recorder(), upload.fencingToken()));
            return switch (outcome) {
                case Outcome.Indexed indexed -> {
                    registry.counter("cctv.storage.segments.indexed").increment();
                    registry.counter("cctv.storage.bytes.stored").increment(received.bytes());
                    yield new Stored(indexed.segment(), true);
                }
                case Outcome.AlreadyIndexed again -> new Stored(again.segment(), false);
                case Outcome.Fenced fenced -> {
                    store.delete(key);
                    registry.counter("cctv.storage.segments.fenced").increment();
                    throw new ProblemException(HttpStatus.CONFLICT, "Conflict", "A recorder with a newer lease (fence "
                            + fenced.current() + ") records this camera; this recorder must stop.",
                            Map.of("reason", "fenced", "currentFence", fenced.current()));
                }
                case Outcome.Overlaps overlaps -> {
                    store.delete(key);
                    throw new ProblemException(HttpStatus.CONFLICT, "Conflict", "The camera already has footage from "
                            + overlaps.existing().start() + " to " + overlaps.existing().end() + ".",
                            Map.of("reason", "overlap", "existingStart", overlaps.existing().start().toString(),
                                    "existingEnd", overlaps.existing().end().toString()));
                }
            };
        } catch (ObjectStore.ObjectStoreUnavailableException e) {
            registry.counter("cctv.storage.store.unavailable").increment();
            org.slf4j.LoggerFactory.getLogger(SegmentIngest.class).warn("object store unavailable: {}", e.getMessage());
            throw ProblemException.unavailable("The object store is unavailable; keep the segment and send it again.");
        } catch (IOException e) {
            throw ProblemException.unavailable("The segment could not be received whole; send it again.");
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // the work folder is cleaned at start-up
                }
            }
        }
    }

    private record Received(long bytes, String sha256) {
    }

    private Received receive(InputStream body, Path temp) throws IOException {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        long total = 0;
        try (OutputStream out = new DigestOutputStream(Files.newOutputStream(temp), sha)) {
            byte[] buffer = new byte[64 * 1024];
            for (int n = body.read(buffer); n >= 0; n = body.read(buffer)) {
                total += n;
                if (total > maxBytes) {
                    throw new ProblemException(HttpStatus.CONTENT_TOO_LARGE, "Content Too Large",
                            "A segment may be at most " + maxBytes + " bytes.");
                }
                out.write(buffer, 0, n);
            }
        }
        if (total == 0) {
            throw ProblemException.badRequest("The segment is empty.");
        }
        return new Received(total, HexFormat.of().formatHex(sha.digest()));
    }
}
