package ae.rta.cctv.playback.application;

import ae.rta.cctv.common.domain.CameraId;
import ae.rta.cctv.common.security.PrivateFiles;
import ae.rta.cctv.common.security.Secrets;
import ae.rta.cctv.playback.application.port.out.Footage;
import ae.rta.cctv.playback.application.port.out.PieceFetcher;
import ae.rta.cctv.playback.application.port.out.Upstream;
import ae.rta.cctv.playback.domain.UpstreamPlaylist;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Footage fetched from the upstream VMS, kept on disk as HLS: time is cut into pieces of a fixed length aligned to the
 * clock (so overlapping requests ask for the same pieces), each piece fetched once however many requests want it at
 * the same time, and kept until the cache outgrows its size, least recently used first.
 */
public final class UpstreamCache implements AutoCloseable {

    /*
     * A piece's folder is <directory>/<camera>/<epoch second of its start>; a COMPLETE marker file is written when
     * its fetch ends well, so after a restart complete pieces are found again (oldest marker = least recently used)
     * and half-fetched ones are deleted. A failed fetch leaves nothing behind: the next request fetches it again.
     */
    private static final Logger log = LoggerFactory.getLogger(UpstreamCache.class);
    private static final String COMPLETE = "COMPLETE";

    /**
     * @param directory where pieces are kept
     * @param maxBytes the cache's size; least recently used complete pieces are deleted past it
     * @param pieceLength the length of a piece (the unit of fetching and caching)
     * @param maxFetches how many upstream replays run at once, over all requests
     */
    public record Settings(Path directory, long maxBytes, Duration pieceLength, int maxFetches) {
    }

    private enum State { FETCHING, COMPLETE, FAILED }

    private record Key(CameraId camera, Instant start) {
    }

    /** A piece of upstream footage in the cache, complete or on its way. */
    public static final class Piece {
        private final Key key;
        private final Path dir;
        private volatile State state;
        private volatile long bytes;
        private volatile String failure;
        private final CompletableFuture<Void> firstSegment = new CompletableFuture<>();

        private Piece(Key key, Path dir, State state) {
            this.key = key;
            this.dir = dir;
            this.state = state;
            if (state == State.COMPLETE) {
                firstSegment.complete(null);
            }
        }

        public Instant start() {
            return key.start();
        }

        public boolean complete() {
            return state == State.COMPLETE;
        }

        public boolean failed() {
            return state == State.FAILED;
        }

        public String failure() {
            return failure;
        }

        /** The segments on disk now (fewer while fetching). */
        public List<UpstreamPlaylist.Segment> segments() {
            try {
                return UpstreamPlaylist.parse(Files.readString(dir.resolve(PieceFetcher.PLAYLIST)));
            } catch (NoSuchFileException e) {
                return List.of();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** A file of this piece, if it is one of its own (the init section or a segment). */
        public Path file(String name) {
            return dir.resolve(name);
        }

        /**
         * Waits until the piece has a first segment to play. @return false when it failed or nothing came in time
         */
        public boolean awaitFirstSegment(Duration timeout) {
            try {
                firstSegment.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
                return true;
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }

    private final Settings settings;
    private final Upstream upstream;
    private final PieceFetcher fetcher;
    private final Semaphore fetches;
    private final ExecutorService runners = Executors.newVirtualThreadPerTaskExecutor();
    private final LinkedHashMap<Key, Piece> pieces = new LinkedHashMap<>(256, 0.75f, true);
    private final AtomicLong bytes = new AtomicLong();
    private final Counter hits;
    private final Counter misses;
    private final Counter evictions;
    private final Counter failures;
    private final Timer fetchTime;

    public UpstreamCache(Settings settings, Upstream upstream, PieceFetcher fetcher, MeterRegistry registry) {
        this.settings = settings;
        this.upstream = upstream;
        this.fetcher = fetcher;
        this.fetches = new Semaphore(settings.maxFetches(), true);
        this.hits = Counter.builder("cctv.playback.cache.requests").tag("result", "hit")
                .description("Pieces of upstream footage asked for: in the cache or already on their way (hit), or fetched (miss)")
                .register(registry);
        this.misses = Counter.builder("cctv.playback.cache.requests").tag("result", "miss")
                .description("Pieces of upstream footage asked for: in the cache or already on their way (hit), or fetched (miss)")
                .register(registry);
        this.evictions = Counter.builder("cctv.playback.cache.evictions")
                .description("Cached pieces deleted to keep the cache within its size").register(registry);
        this.failures = Counter.builder("cctv.playback.upstream.fetch.failures")
                .description("Upstream replays that delivered nothing usable").register(registry);
        this.fetchTime = Timer.builder("cctv.playback.upstream.fetch").description("Fetching one piece from the upstream VMS")
                .publishPercentileHistogram().register(registry);
        Gauge.builder("cctv.playback.cache.bytes", bytes, AtomicLong::get).baseUnit("bytes")
                .description("Bytes of complete pieces in the upstream cache").register(registry);
        Gauge.builder("cctv.playback.cache.max", () -> settings.maxBytes()).baseUnit("bytes")
                .description("The upstream cache's size limit").register(registry);
        Gauge.builder("cctv.playback.cache.pieces", this, c -> c.size()).description("Pieces in the upstream cache")
                .register(registry);
        load();
    }

    /** The aligned piece starts covering [start, end). */
    public List<Instant> pieceStarts(Instant start, Instant end) {
        long step = settings.pieceLength().toMillis();
        long first = Math.floorDiv(start.toEpochMilli(), step) * step;
        List<Instant> starts = new ArrayList<>();
        for (long at = first; at < end.toEpochMilli(); at += step) {
            starts.add(Instant.ofEpochMilli(at));
        }
        return starts;
    }

    /**
     * The pieces covering [start, end), fetching those not in the cache (each once, however many ask).
     *
     * @param count whether this is a request to count in the hit rate (not a player's playlist reload)
     */
    public List<Piece> ensure(CameraId camera, Instant start, Instant end, boolean count) {
        List<Piece> out = new ArrayList<>();
        List<Piece> toFetch = new ArrayList<>();
        synchronized (pieces) {
            for (Instant at : pieceStarts(start, end)) {
                Key key = new Key(camera, at);
                Piece p = pieces.get(key);
                if (p == null || p.state == State.FAILED) {
                    p = new Piece(key, folder(key), State.FETCHING);
                    pieces.put(key, p);
                    toFetch.add(p);
                    if (count) {
                        misses.increment();
                    }
                } else if (count) {
                    hits.increment();
                }
                out.add(p);
            }
        }
        for (Piece p : toFetch) {
            runners.submit(() -> fetch(p));
        }
        return out;
    }

    /** The pieces covering [start, end) that are in the cache or on their way, without fetching any. */
    public List<Piece> present(CameraId camera, Instant start, Instant end) {
        List<Piece> out = new ArrayList<>();
        synchronized (pieces) {
            for (Instant at : pieceStarts(start, end)) {
                Piece p = pieces.get(new Key(camera, at));
                if (p != null && p.state != State.FAILED) {
                    out.add(p);
                }
            }
        }
        return out;
    }

    private void fetch(Piece p) {
        long began = System.nanoTime();
        Thread watcher = null;
        try {
            fetches.acquire();
            try {
                Instant end = p.start().plus(settings.pieceLength());
                Upstream.Replay replay = upstream.replay(p.key.camera(), p.start(), end).orElseThrow(() ->
                        new PieceFetcher.FetchFailedException("the camera keeps no upstream recordings"));
                deleteTree(p.dir);
                PrivateFiles.directories(p.dir);
                watcher = Thread.ofVirtual().name("upstream-first-segment").start(() -> watchFirstSegment(p));
                fetcher.fetch(replay, settings.pieceLength(), p.dir);
                if (p.segments().isEmpty()) {
                    throw new PieceFetcher.FetchFailedException("the upstream replay delivered no video");
                }
                PrivateFiles.writeString(p.dir.resolve(COMPLETE), Instant.now().toString());
                long size = size(p.dir);
                synchronized (pieces) {
                    p.bytes = size;
                    p.state = State.COMPLETE;
                    bytes.addAndGet(size);
                    evict();
                }
                p.firstSegment.complete(null);
                fetchTime.record(System.nanoTime() - began, TimeUnit.NANOSECONDS);
            } finally {
                fetches.release();
            }
        } catch (PieceFetcher.FetchFailedException | Footage.UnavailableException | IOException | UncheckedIOException e) {
            fail(p, e.getMessage());
        } catch (InterruptedException e) {
            fail(p, "interrupted");
        } catch (RuntimeException e) {
            log.warn("upstream piece {} of camera {} failed", p.start(), p.key.camera(), e);
            fail(p, e.toString());
        } finally {
            if (watcher != null) {
                watcher.interrupt();
            }
        }
    }

    /* Completes firstSegment as soon as FFmpeg has listed one (it rewrites its playlist after each segment). */
    private static void watchFirstSegment(Piece p) {
        try {
            while (p.state == State.FETCHING && !p.firstSegment.isDone()) {
                if (!p.segments().isEmpty()) {
                    p.firstSegment.complete(null);
                    return;
                }
                Thread.sleep(100);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            // a playlist caught mid-write is read again on the next turn
        }
    }

    private void fail(Piece p, String why) {
        String reason = Secrets.mask(why);
        failures.increment();
        log.warn("upstream piece {} of camera {} not fetched: {}", p.start(), p.key.camera(), reason);
        synchronized (pieces) {
            p.failure = reason;
            p.state = State.FAILED;
            pieces.remove(p.key, p);
        }
        p.firstSegment.completeExceptionally(new PieceFetcher.FetchFailedException(reason));
        deleteQuietly(p.dir);
    }

    /* Least recently used complete pieces go until the cache fits; pieces on their way stay. Holds the lock. */
    private void evict() {
        Iterator<Map.Entry<Key, Piece>> eldest = pieces.entrySet().iterator();
        while (bytes.get() > settings.maxBytes() && eldest.hasNext()) {
            Piece p = eldest.next().getValue();
            if (p.state != State.COMPLETE) {
                continue;
            }
            eldest.remove();
            bytes.addAndGet(-p.bytes);
            evictions.increment();
            deleteQuietly(p.dir);
        }
    }

    /** A file of a piece in the cache, or null when the piece is not there. */
    public Path file(CameraId camera, Instant start, String name) {
        Piece p;
        synchronized (pieces) {
            p = pieces.get(new Key(camera, start));
        }
        return p == null || p.state == State.FAILED ? null : p.file(name);
    }

    private int size() {
        synchronized (pieces) {
            return pieces.size();
        }
    }

    /* Finds complete pieces left by an earlier run, oldest first; deletes half-fetched ones. */
    private void load() {
        Path root = settings.directory();
        if (!Files.isDirectory(root)) {
            return;
        }
        record Found(Key key, Path dir, long bytes, long touched) {
        }
        List<Found> found = new ArrayList<>();
        try (Stream<Path> cameras = Files.list(root)) {
            for (Path cameraDir : cameras.toList()) {
                CameraId camera;
                try {
                    camera = CameraId.parse(cameraDir.getFileName().toString());
                } catch (IllegalArgumentException e) {
                    continue;
                }
                try (Stream<Path> starts = Files.list(cameraDir)) {
                    for (Path dir : starts.toList()) {
                        Path marker = dir.resolve(COMPLETE);
                        if (!Files.isRegularFile(marker)) {
                            deleteQuietly(dir);
                            continue;
                        }
                        long epoch = Long.parseLong(dir.getFileName().toString());
                        found.add(new Found(new Key(camera, Instant.ofEpochSecond(epoch)), dir, size(dir),
                                Files.getLastModifiedTime(marker).toMillis()));
                    }
                }
            }
        } catch (IOException | NumberFormatException e) {
            log.warn("the upstream cache at {} could not be read whole ({}); it fills again as footage is asked for", root, e.toString());
        }
        found.sort(Comparator.comparingLong(Found::touched));
        synchronized (pieces) {
            for (Found f : found) {
                Piece p = new Piece(f.key(), f.dir(), State.COMPLETE);
                p.bytes = f.bytes();
                pieces.put(f.key(), p);
                bytes.addAndGet(f.bytes());
            }
            evict();
        }
        if (!found.isEmpty()) {
            log.info("upstream cache: {} pieces ({} bytes) found from an earlier run", found.size(), bytes.get());
        }
    }

    private Path folder(Key key) {
        return settings.directory().resolve(key.camera().toString()).resolve(Long.toString(key.start().getEpochSecond()));
    }

    private static long size(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            long total = 0;
            for (Path f : files.toList()) {
                total += Files.size(f);
            }
            return total;
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    private static void deleteQuietly(Path dir) {
        try {
            deleteTree(dir);
        } catch (IOException e) {
            log.warn("cache folder {} not deleted: {}", dir, e.toString());
        }
    }

    @Override
    public void close() {
        runners.shutdownNow();
    }
}
