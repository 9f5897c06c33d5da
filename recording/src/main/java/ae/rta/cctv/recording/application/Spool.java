package ae.rta.cctv.recording.application;

import ae.rta.cctv.common.domain.CameraId;
import ae.rta.cctv.common.media.SegmentList;
import ae.rta.cctv.common.security.PrivateFiles;
import ae.rta.cctv.recording.domain.SpooledSegment;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The local spool: {@code <root>/<camera>/<run>/} holds one FFmpeg run's segment files. A finished segment is
 * fsynced, hashed, and described by a sidecar ({@code <file>.segment}, written atomically); only segments with a
 * sidecar are uploaded, and a segment leaves the spool only after the store confirmed it. {@code <run>/run.properties}
 * keeps the run's wall-clock anchor, so segments a crash left without a sidecar can still be dated on recovery.
 * Folders are mode 0700 and files 0600 ({@link PrivateFiles}): footage is for this service's user alone.
 */
public final class Spool {

    /*
     * Full spool policy: footage is never dropped to make room. When the spool passes its size limit the
     * cctv_recording_spool_bytes gauge and the spool-full alert say so; recording goes on until the disk itself is
     * full, when FFmpeg fails and the watchdog records a gap. Operators restore the store or add disk.
     */
    private static final String SIDECAR = ".segment";

    private final Path root;
    private final Clock clock;

    public Spool(Path root, Clock clock) {
        this.root = root;
        this.clock = clock;
    }

    public Path root() {
        return root;
    }

    /** A fresh folder for one FFmpeg run of a camera. */
    public Path newRun(CameraId camera) {
        Path run = root.resolve(camera.toString()).resolve(clock.millis() + "-" + UUID.randomUUID().toString().substring(0, 8));
        try {
            PrivateFiles.directories(root);
            PrivateFiles.directories(run);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return run;
    }

    /** What a run knows about itself. @param anchor the wall-clock time of its first segment's start */
    public record Run(CameraId camera, long fence, Instant anchor) {
    }

    public void writeRun(Path runDir, Run run) {
        Properties p = new Properties();
        p.setProperty("camera", run.camera().toString());
        p.setProperty("fence", Long.toString(run.fence()));
        p.setProperty("anchor", run.anchor().toString());
        writeAtomically(runDir.resolve("run.properties"), p);
    }

    public Optional<Run> readRun(Path runDir) {
        Path file = runDir.resolve("run.properties");
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        Properties p = read(file);
        return Optional.of(new Run(CameraId.parse(p.getProperty("camera")), Long.parseLong(p.getProperty("fence")),
                Instant.parse(p.getProperty("anchor"))));
    }

    /** Seals a finished segment: fsync, hash, sidecar. */
    public SpooledSegment complete(Path file, CameraId camera, Instant start, long fence) {
        try {
            PrivateFiles.restrict(file); // FFmpeg makes it so; one an earlier version left is narrowed here
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            long bytes = 0;
            try (InputStream in = new DigestInputStream(Files.newInputStream(file), sha)) {
                byte[] buffer = new byte[64 * 1024];
                for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                    bytes += n;
                }
            }
            SpooledSegment segment = new SpooledSegment(camera, start, file, bytes, HexFormat.of().formatHex(sha.digest()), fence);
            Properties p = new Properties();
            p.setProperty("camera", camera.toString());
            p.setProperty("start", start.toString());
            p.setProperty("bytes", Long.toString(bytes));
            p.setProperty("sha256", segment.sha256());
            p.setProperty("fence", Long.toString(fence));
            writeAtomically(sidecar(file), p);
            return segment;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Seals what a crash of the whole service left unsealed: segment files of finished runs without a sidecar, dated
     * from their run's anchor and segment list (the last one from the end of the one before it). Call at start-up,
     * before any recording starts.
     *
     * @return how many segments were recovered
     */
    public int recoverUnsealed() {
        int recovered = 0;
        if (!Files.isDirectory(root)) {
            return 0;
        }
        try (Stream<Path> runs = Files.walk(root, 2)) {
            for (Path run : runs.filter(r -> Files.isRegularFile(r.resolve("run.properties"))).toList()) {
                Run info = readRun(run).orElseThrow();
                List<SegmentList.Entry> listed = SegmentList.read(run.resolve("segments.csv"));
                double zero = listed.isEmpty() ? 0 : listed.getFirst().start();
                Instant nextStart = info.anchor();
                java.util.Map<String, Instant> starts = new java.util.HashMap<>();
                for (SegmentList.Entry entry : listed) {
                    starts.put(entry.file(), info.anchor().plusMillis(entry.startMillisFrom(zero)));
                    nextStart = info.anchor().plusMillis(entry.endMillisFrom(zero));
                }
                try (Stream<Path> files = Files.list(run)) {
                    for (Path f : files.filter(f -> f.getFileName().toString().matches("seg-\\d+\\.mp4")).sorted().toList()) {
                        if (!sealed(f) && Files.size(f) > 0) {
                            complete(f, info.camera(), starts.getOrDefault(f.getFileName().toString(), nextStart), info.fence());
                            recovered++;
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return recovered;
    }

    /** Every sealed segment waiting for upload, oldest first. */
    public List<SpooledSegment> pending() {
        List<SpooledSegment> segments = new ArrayList<>();
        if (!Files.isDirectory(root)) {
            return segments;
        }
        try (Stream<Path> files = Files.walk(root, 3)) {
            files.filter(f -> f.getFileName().toString().endsWith(SIDECAR)).forEach(s -> {
                Path file = s.resolveSibling(s.getFileName().toString().replace(SIDECAR, ""));
                if (Files.isRegularFile(file)) {
                    Properties p = read(s);
                    segments.add(new SpooledSegment(CameraId.parse(p.getProperty("camera")), Instant.parse(p.getProperty("start")),
                            file, Long.parseLong(p.getProperty("bytes")), p.getProperty("sha256"),
                            Long.parseLong(p.getProperty("fence"))));
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        segments.sort(Comparator.comparing(SpooledSegment::start));
        return segments;
    }

    /** Takes an uploaded (or unwanted) segment out of the spool. */
    public void remove(SpooledSegment segment) {
        try {
            Files.deleteIfExists(sidecar(segment.file()));
            Files.deleteIfExists(segment.file());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Moves a segment the store refused for good out of the way, kept for inspection. */
    public void quarantine(SpooledSegment segment) {
        try {
            Path rejected = PrivateFiles.directories(root.resolve("rejected"));
            Files.move(segment.file(), rejected.resolve(segment.camera() + "-" + segment.start().toEpochMilli() + ".mp4"),
                    StandardCopyOption.REPLACE_EXISTING);
            Files.deleteIfExists(sidecar(segment.file()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Deletes run folders with nothing left in them but their run file and segment list, except {@code active}. */
    public void prune(java.util.Set<Path> active) {
        if (!Files.isDirectory(root)) {
            return;
        }
        try (DirectoryStream<Path> cameras = Files.newDirectoryStream(root)) {
            for (Path camera : cameras) {
                if (!Files.isDirectory(camera) || camera.getFileName().toString().equals("rejected")) {
                    continue;
                }
                try (DirectoryStream<Path> runs = Files.newDirectoryStream(camera)) {
                    for (Path run : runs) {
                        if (active.contains(run)) {
                            continue;
                        }
                        try (Stream<Path> left = Files.list(run)) {
                            if (left.allMatch(f -> f.getFileName().toString().equals("run.properties")
                                    || f.getFileName().toString().equals("segments.csv"))) {
                                try (Stream<Path> files = Files.list(run)) {
                                    for (Path f : files.toList()) {
                                        Files.deleteIfExists(f);
                                    }
                                }
                                Files.deleteIfExists(run);
                            }
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The backlog: segments waiting, their bytes, and the age of the oldest. */
    public record Backlog(int count, long bytes, Duration oldest) {
    }

    public Backlog backlog() {
        return backlog(pending());
    }

    /** The backlog of segments already listed (oldest first), without walking the spool again. */
    public Backlog backlog(List<SpooledSegment> pending) {
        long bytes = pending.stream().mapToLong(SpooledSegment::bytes).sum();
        Duration oldest = pending.isEmpty() ? Duration.ZERO : Duration.between(pending.getFirst().start(), clock.instant());
        return new Backlog(pending.size(), bytes, oldest.isNegative() ? Duration.ZERO : oldest);
    }

    /** Bytes of every file in the spool, sealed or being written. */
    public long bytesOnDisk() {
        if (!Files.isDirectory(root)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).mapToLong(f -> {
                try {
                    return Files.size(f);
                } catch (IOException e) {
                    return 0;
                }
            }).sum();
        } catch (IOException | UncheckedIOException e) {
            return 0;
        }
    }

    /** Size of the file system the spool is on, in bytes; NaN when it cannot be read. */
    public double diskSize() {
        return fileStore(java.nio.file.FileStore::getTotalSpace);
    }

    /** Bytes the spool's file system still has for this process; NaN when it cannot be read. */
    public double diskFree() {
        return fileStore(java.nio.file.FileStore::getUsableSpace);
    }

    private interface FileStoreFigure {
        long of(java.nio.file.FileStore store) throws IOException;
    }

    private double fileStore(FileStoreFigure figure) {
        // The spool folder is made on the first segment; until then its nearest existing parent is on the same disk.
        Path existing = root.toAbsolutePath();
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            return Double.NaN;
        }
        try {
            return figure.of(Files.getFileStore(existing));
        } catch (IOException e) {
            return Double.NaN;
        }
    }

    public static boolean sealed(Path file) {
        return Files.exists(sidecar(file));
    }

    private static Path sidecar(Path file) {
        return file.resolveSibling(file.getFileName() + SIDECAR);
    }

    private static void writeAtomically(Path target, Properties p) {
        Path temp = target.resolveSibling(target.getFileName() + ".tmp");
        try {
            try (OutputStream out = PrivateFiles.newOutputStream(temp)) {
                p.store(out, null);
            }
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Properties read(Path file) {
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }
}
