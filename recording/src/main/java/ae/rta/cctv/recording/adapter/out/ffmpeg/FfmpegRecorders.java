package ae.rta.cctv.recording.adapter.out.ffmpeg;

import ae.rta.cctv.common.domain.CameraId;
import ae.rta.cctv.common.media.SegmentList;
import ae.rta.cctv.common.media.CameraAudio;
import ae.rta.cctv.common.rtsp.RtspProxy;
import ae.rta.cctv.common.security.PrivateFiles;
import ae.rta.cctv.common.security.Secrets;
import ae.rta.cctv.recording.application.Spool;
import ae.rta.cctv.recording.application.port.out.CameraCatalog;
import ae.rta.cctv.recording.application.port.out.Recorders;
import ae.rta.cctv.recording.application.port.out.SegmentSink;
import ae.rta.cctv.recording.domain.SpooledSegment;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One supervised FFmpeg per recorded camera: RTSP over TCP, stream copy, fragmented-MP4 segments of
 * {@code segmentLength} cut on keyframes, into a fresh spool folder per run (files mode 0600). A camera with a login
 * is read through the loopback {@link RtspProxy}, so the login is in neither FFmpeg's command line nor its messages;
 * every reason taken from FFmpeg or an exception is masked ({@link Secrets#mask}) before it is logged or made a gap.
 *
 * <p>Timing: the wall-clock start of a run's first segment is the moment its file appears; later segments are dated
 * from it by FFmpeg's own segment list (stream time), so consecutive segments follow each other exactly. A watchdog
 * kills FFmpeg when the file being written has not grown for {@code stallTimeout}, and restarts it after a backoff
 * (0.5 s after a run that produced footage, then doubling up to 30 s); the stretch between the last footage and the
 * next run's first segment is recorded as a gap with the reason.
 */
public final class FfmpegRecorders implements Recorders {

    private static final Logger log = LoggerFactory.getLogger(FfmpegRecorders.class);

    /** How recordings run. */
    public record Settings(String ffmpeg, Duration segmentLength, Duration stallTimeout) {
    }

    private final Settings settings;
    private final CameraCatalog catalog;
    private final RtspProxy proxy;
    private final Spool spool;
    private final SegmentSink sink;
    private final Consumer<SpooledSegment> onSealed;
    private final Clock clock;
    private final MeterRegistry registry;
    private final Set<Path> activeRuns = ConcurrentHashMap.newKeySet();
    /*
     * A finished segment whose stream-dated end is this far from the wall clock is dated by the wall clock: its
     * stream's clock jumped (VLC restarts its RTP timestamps when it loops a file) or runs far off real time. Nearer
     * than that, the stream clock stands: a run's anchor is the moment its first file appeared (a second or two after
     * its first frame arrived), and a recorder that falls behind for a while lists its segments late, so small
     * differences are no evidence against the camera's own timing, and correcting them would cut holes into
     * continuous footage.
     */
    static final Duration CLOCK_AHEAD = Duration.ofSeconds(10);
    /* Frames between two looks at FFmpeg's output clock, and the least stream time they must span (2 s at 25 fps). */
    static final int CLOCK_CHECK_FRAMES = 50;
    static final long CLOCK_CHECK_MIN_ADVANCE_US = 500_000;
    static final Duration CLOCK_BEHIND = Duration.ofSeconds(30);

    public FfmpegRecorders(Settings settings, CameraCatalog catalog, RtspProxy proxy, Spool spool, SegmentSink sink,
            Consumer<SpooledSegment> onSealed, Clock clock, MeterRegistry registry) {
        this.settings = settings;
        this.catalog = catalog;
        this.proxy = proxy;
        this.spool = spool;
        this.sink = sink;
        this.onSealed = onSealed;
        this.clock = clock;
        this.registry = registry;
        // Counted as they happen; registered now so they read 0 (and rates and alerts work) before the first one.
        registry.counter("cctv.recording.segments.written");
        registry.counter("cctv.recording.bytes.written");
        registry.counter("cctv.recording.gaps");
        registry.counter("cctv.recording.redated");
        registry.counter("cctv.recording.restarts", "reason", "stopped");
        registry.counter("cctv.recording.restarts", "reason", "failed");
    }

    /** The run folders being written now (the spool must not prune them). */
    public Set<Path> activeRuns() {
        return Set.copyOf(activeRuns);
    }

    @Override
    public Recording start(CameraId camera, long fence) {
        CameraRecording recording = new CameraRecording(camera, fence);
        recording.thread = Thread.ofPlatform().name("recorder-" + camera).daemon().start(recording::loop);
        return recording;
    }

    /* Where a stream URL's RTSP server listens (554 / 322 by default); null for a URL that is not RTSP. */
    static java.net.InetSocketAddress upstream(String url) {
        try {
            java.net.URI uri = new java.net.URI(url);
            String scheme = String.valueOf(uri.getScheme()).toLowerCase(java.util.Locale.ROOT);
            if (uri.getHost() == null || !scheme.startsWith("rtsp")) {
                return null;
            }
            return java.net.InetSocketAddress.createUnresolved(uri.getHost(), ae.rta.cctv.common.rtsp.RtspAddress.port(uri));
        } catch (java.net.URISyntaxException e) {
            return null;
        }
    }

    /* Whether something accepts a TCP connection at the address within half a second (nothing is sent). */
    static boolean answers(java.net.InetSocketAddress address) {
        if (address == null) {
            return false;
        }
        try (java.net.Socket socket = new java.net.Socket()) {
            socket.connect(new java.net.InetSocketAddress(address.getHostString(), address.getPort()), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private final class CameraRecording implements Recording {

        private final CameraId camera;
        private final long fence;
        private volatile boolean running = true;
        private volatile Process process;
        private Thread thread;
        private Instant lastFootageEnd;
        private String lastFailure;
        private volatile java.net.InetSocketAddress lastUpstream;
        private volatile String restartReason;
        /* How far this run's footage has been moved from its stream clock to keep to the wall clock. */
        private Duration redated = Duration.ZERO;

        CameraRecording(CameraId camera, long fence) {
            this.camera = camera;
            this.fence = fence;
        }

        void loop() {
            long backoff = 500;
            while (running) {
                boolean produced = false;
                try {
                    produced = runOnce();
                } catch (RuntimeException | IOException e) {
                    lastFailure = Secrets.mask(e.getMessage());
                    log.warn("recorder of camera {} failed: {}", camera, Secrets.mask(e.toString()));
                }
                if (!running) {
                    break;
                }
                registry.counter("cctv.recording.restarts", "reason", produced ? "stopped" : "failed").increment();
                backoff = produced ? 500 : Math.min(30_000, backoff * 2);
                try {
                    waitToRetry(backoff);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        /*
         * Waits out the backoff, but not past the camera coming back: while its RTSP port refuses or does not answer,
         * it is knocked on once a second (a TCP connect, nothing sent), and the first answer after a silence ends the
         * wait, so recording resumes within about a second of the camera answering again instead of after a backoff
         * grown to 30 s. A camera whose port answers all along (a stream or login it refuses) waits the full backoff.
         */
        private void waitToRetry(long backoffMillis) throws InterruptedException {
            long deadline = System.nanoTime() + backoffMillis * 1_000_000L;
            boolean silent = !answers(lastUpstream);
            while (running) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return;
                }
                Thread.sleep(Math.min(left / 1_000_000L + 1, 1_000));
                boolean answers = answers(lastUpstream);
                if (silent && answers) {
                    log.info("camera {} answers again: recording resumes", camera);
                    return;
                }
                silent = silent || !answers;
            }
        }

        /** One FFmpeg run. @return whether it produced any footage */
        private boolean runOnce() throws IOException {
            restartReason = null; // a restart asked between runs: this run reads the catalog afresh anyway
            redated = Duration.ZERO;
            CameraCatalog.Stream stream = catalog.stream(camera);
            lastUpstream = upstream(stream.url());
            Path run = spool.newRun(camera);
            activeRuns.add(run);
            try (RtspProxy.Registration source = proxy.open(stream.url(), RtspProxy.Transport.parse(stream.transport()))) {
                return record(source, run, stream);
            } finally {
                activeRuns.remove(run);
            }
        }

        private boolean record(RtspProxy.Registration source, Path run, CameraCatalog.Stream stream) throws IOException {
            Path list = run.resolve("segments.csv");
            List<String> command = new ArrayList<>(List.of(settings.ffmpeg(), "-hide_banner", "-loglevel", "error",
                    "-nostdin", "-progress", "pipe:1", "-stats_period", "0.5",
                    // Interleaved TCP always: to the proxy, which reaches a UDP-only camera over UDP for FFmpeg.
                    "-rtsp_transport", "tcp", "-timeout", "5000000"));
            command.addAll(CameraAudio.rtspInputArgs(stream.audio()));
            command.addAll(List.of("-i", source.url()));
            command.addAll(CameraAudio.outputArgs(stream.audio(), stream.audioCodec()));
            command.addAll(List.of("-flush_packets", "1"));
            command.addAll(SegmentList.muxerArgs(settings.segmentLength().toSeconds(), list,
                    run.resolve("seg-%06d.mp4").toString()));
            Process p = new ProcessBuilder(PrivateFiles.command(command)).redirectErrorStream(true).start();
            process = p;
            Deque<String> output = new ArrayDeque<>();
            java.util.concurrent.atomic.AtomicReference<Instant> progressAt = new java.util.concurrent.atomic.AtomicReference<>();
            java.util.concurrent.atomic.AtomicReference<String> brokenClock = new java.util.concurrent.atomic.AtomicReference<>();
            Thread.ofVirtual().start(() -> drain(p, source, output, progressAt, brokenClock));
            Map<String, Instant> appeared = new HashMap<>();
            List<SegmentList.Entry> listed = new ArrayList<>();
            Instant anchor = null;
            Instant lastGrowth = clock.instant();
            String reason;
            while (true) {
                boolean alive = p.isAlive();
                boolean stopping = !running;
                if (stopping) {
                    Thread.interrupted(); // stop() interrupts the poll; FFmpeg still gets its time to finish the segment
                    p.destroy();
                    waitFor(p);
                }
                Instant now = clock.instant();
                List<Path> files = segmentFiles(run);
                for (Path f : files) {
                    appeared.putIfAbsent(f.getFileName().toString(), now);
                }
                if (anchor == null && !files.isEmpty()) {
                    anchor = appeared.get(files.getFirst().getFileName().toString());
                    spool.writeRun(run, new Spool.Run(camera, fence, anchor));
                    if (lastFootageEnd != null && anchor.isAfter(lastFootageEnd.plusSeconds(1))) {
                        gap(lastFootageEnd, anchor, lastFailure == null ? "recorder restarted" : lastFailure);
                    }
                }
                if (anchor != null) {
                    sealListed(run, SegmentList.read(list), listed, anchor);
                }
                if (stopping) {
                    reason = "stopped";
                    break;
                }
                if (!alive && restartReason != null) {
                    reason = restartReason;
                    restartReason = null;
                    break;
                }
                if (alive && brokenClock.get() != null) {
                    reason = brokenClock.get();
                    log.warn("recorder of camera {}: {}; starting a new run on the wall clock", camera, reason);
                    p.destroy(); // SIGTERM: the segment being written is finished
                    waitFor(p);
                    break;
                }
                if (!alive) {
                    String detail = source.failure() != null ? source.failure() : lastLine(output);
                    reason = "FFmpeg stopped (exit " + p.exitValue() + (detail == null ? "" : ": " + detail) + ")";
                    break;
                }
                // Progress is FFmpeg's own output clock advancing (-progress), not file growth: a quiet picture
                // can take longer than a stall to fill a write buffer. Connecting may take longer than a stall.
                Instant progressed = progressAt.get();
                Duration limit = progressed == null ? settings.stallTimeout().multipliedBy(3) : settings.stallTimeout();
                if (progressed != null && progressed.isAfter(lastGrowth)) {
                    lastGrowth = progressed;
                } else if (Duration.between(lastGrowth, now).compareTo(limit) > 0) {
                    reason = "no video for " + limit.toSeconds() + " s";
                    log.warn("recorder of camera {}: {}; restarting FFmpeg", camera, reason);
                    p.destroyForcibly();
                    waitFor(p);
                    break;
                }
                sleep(200);
            }
            // The segment being written when FFmpeg died: indexed up to its last whole fragment.
            for (Path f : segmentFiles(run)) {
                if (!Spool.sealed(f) && size(f) > 0 && anchor != null) {
                    Instant start = lastFootageEnd != null && !listed.isEmpty() ? lastFootageEnd : anchor;
                    seal(f, start);
                    lastFootageEnd = lastGrowth;
                }
            }
            lastFailure = reason;
            if (!"stopped".equals(reason)) {
                log.info("recorder of camera {}: {}", camera, reason);
            }
            return anchor != null;
        }

        /*
         * Seals the segments FFmpeg has listed since the last look, dated from the run's anchor in stream time, kept to
         * the wall clock: a segment is listed as soon as it is finished, so its end is "now" give or take the camera's
         * latency. When the stream's clock says otherwise (it runs slow or fast, or jumps, as VLC's does when it
         * starts a looped file again), the segment is dated to end now and the rest of the run follows from there.
         */
        private void sealListed(Path run, List<SegmentList.Entry> lines, List<SegmentList.Entry> listed, Instant anchor) {
            for (int i = listed.size(); i < lines.size(); i++) {
                SegmentList.Entry entry = lines.get(i);
                listed.add(entry);
                double zero = listed.getFirst().start();
                Instant start = anchor.plusMillis(entry.startMillisFrom(zero)).plus(redated);
                Instant end = anchor.plusMillis(entry.endMillisFrom(zero)).plus(redated);
                Instant now = clock.instant();
                if (end.isAfter(now.plus(CLOCK_AHEAD)) || end.isBefore(now.minus(CLOCK_BEHIND))) {
                    Duration by = Duration.between(end, now);
                    redated = redated.plus(by);
                    start = start.plus(by);
                    end = now;
                    if (lastFootageEnd != null && start.isBefore(lastFootageEnd)) {
                        start = lastFootageEnd;
                    }
                    registry.counter("cctv.recording.redated").increment();
                    log.info("camera {}: its stream clock is {} ms {} the wall clock; footage dated by the wall clock",
                            camera, Math.abs(by.toMillis()), by.isNegative() ? "ahead of" : "behind");
                }
                seal(run.resolve(entry.file()), start);
                lastFootageEnd = end;
            }
        }

        private void seal(Path file, Instant start) {
            SpooledSegment segment = spool.complete(file, camera, start, fence);
            registry.counter("cctv.recording.segments.written").increment();
            registry.counter("cctv.recording.bytes.written").increment(segment.bytes());
            onSealed.accept(segment);
        }

        private void gap(Instant from, Instant to, String reason) {
            registry.counter("cctv.recording.gaps").increment();
            try {
                sink.gap(camera, from, to, reason);
            } catch (SegmentSink.SinkUnavailableException e) {
                log.warn("gap of camera {} from {} to {} ({}) could not be recorded: {}", camera, from, to, reason,
                        Secrets.mask(e.getMessage()));
            }
        }

        @Override
        public void restart(String reason) {
            restartReason = reason;
            Process p = process;
            if (p != null && p.isAlive()) {
                p.destroy(); // SIGTERM: FFmpeg finishes the segment it is writing, and the loop starts a new run
            }
        }

        @Override
        public void stop() {
            running = false;
            thread.interrupt();
            try {
                thread.join(15_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            Process p = process;
            if (p != null && p.isAlive()) {
                p.destroyForcibly();
            }
        }
    }

    private static List<Path> segmentFiles(Path run) throws IOException {
        try (Stream<Path> files = Files.list(run)) {
            return files.filter(f -> f.getFileName().toString().startsWith("seg-") && f.getFileName().toString().endsWith(".mp4"))
                    .sorted().toList();
        }
    }

    private static long size(Path f) {
        try {
            return Files.size(f);
        } catch (IOException e) {
            return 0;
        }
    }

    private static long parseLong(String text) {
        try {
            return Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /* FFmpeg's last message, or null. */
    private static String lastLine(Deque<String> output) {
        synchronized (output) {
            return output.peekLast();
        }
    }

    /* Reads FFmpeg's progress and keeps its last messages, explained (the proxy's URL made the camera's, masked). */
    private void drain(Process p, RtspProxy.Registration source, Deque<String> last,
            java.util.concurrent.atomic.AtomicReference<Instant> progressAt,
            java.util.concurrent.atomic.AtomicReference<String> brokenClock) {
        String outTime = null;
        long frames = -1;
        long outUs = -1;
        long checkFrames = -1;
        long checkUs = -1;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (line.startsWith("frame=")) {
                    frames = parseLong(line.substring(6));
                    continue;
                }
                if (line.startsWith("progress=")) {
                    // One progress block: enough frames with too little stream time between them means the camera's
                    // timestamps went back (FFmpeg then writes every frame a tick after the last one, for ever).
                    if (frames >= 0 && outUs >= 0) {
                        if (checkFrames < 0 || frames < checkFrames) {
                            checkFrames = frames;
                            checkUs = outUs;
                        } else if (frames - checkFrames >= CLOCK_CHECK_FRAMES) {
                            long advancedUs = outUs - checkUs;
                            if (advancedUs < CLOCK_CHECK_MIN_ADVANCE_US) {
                                brokenClock.compareAndSet(null, "the camera's timestamps went back: " + (frames - checkFrames)
                                        + " frames in " + Math.max(0, advancedUs / 1000) + " ms of stream time");
                            }
                            checkFrames = frames;
                            checkUs = outUs;
                        }
                    }
                    continue;
                }
                if (line.startsWith("out_time_us=")) {
                    if (!line.endsWith("=N/A")) {
                        outUs = parseLong(line.substring(12));
                    }
                    if (!line.equals(outTime) && !line.endsWith("=N/A")) {
                        outTime = line;
                        progressAt.set(clock.instant());
                    }
                    continue;
                }
                if (line.indexOf('=') > 0 && !line.contains(" ")) {
                    continue;
                }
                String shown = source.explain(line);
                synchronized (last) {
                    last.addLast(shown.length() > 200 ? shown.substring(0, 200) : shown);
                    if (last.size() > 5) {
                        last.removeFirst();
                    }
                }
            }
        } catch (IOException e) {
            // the process ended
        }
    }

    private static void waitFor(Process p) {
        try {
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                p.waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
