package ae.rta.cctv.live.adapter.out.ffmpeg;

import ae.rta.cctv.common.media.Fmp4;
import ae.rta.cctv.common.media.CameraAudio;
import ae.rta.cctv.common.rtsp.RtspProxy;
import ae.rta.cctv.common.security.Secrets;
import ae.rta.cctv.live.application.port.out.CameraStreams.StreamSource;
import ae.rta.cctv.live.application.port.out.Upstream;
import ae.rta.cctv.live.domain.Fragment;
import ae.rta.cctv.live.domain.InitSection;
import ae.rta.cctv.live.domain.PullKey;
import java.io.BufferedReader;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pulls a camera with FFmpeg: RTSP in, stream copy, video only, fragmented MP4 out on a pipe with one fragment per
 * frame ({@code frag_every_frame}), flushed at once. This class reads the pipe box by box: {@code ftyp}+{@code moov}
 * make the init section, each {@code moof}+{@code mdat} a fragment, stamped with the moment its last byte arrived.
 * A watchdog kills FFmpeg when nothing arrives for {@code stallTimeout}; the pull then reconnects.
 *
 * <p>A camera with a login is read through the loopback {@link RtspProxy} (over TCP, interleaved, whatever transport
 * the source names), so the login is in neither FFmpeg's command line nor its messages; a source without one is read
 * directly, over its own transport. The reason a pull ended is masked ({@link Secrets#mask}).
 */
public final class FfmpegUpstream implements Upstream, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(FfmpegUpstream.class);
    private static final int MAX_BOX = 64 * 1024 * 1024;

    private final String ffmpeg;
    private final Duration stallTimeout;
    private final RtspProxy proxy;
    private final ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "live-watchdog");
        t.setDaemon(true);
        return t;
    });

    public FfmpegUpstream(String ffmpeg, Duration stallTimeout, RtspProxy proxy) {
        this.ffmpeg = ffmpeg;
        this.stallTimeout = stallTimeout;
        this.proxy = proxy;
    }

    /** The FFmpeg command for one pull from {@code input} (the source's URL, or the proxy's for it). */
    List<String> command(RtspProxy.Registration input, StreamSource source) {
        List<String> command = new ArrayList<>(List.of(ffmpeg, "-hide_banner", "-loglevel", "error", "-nostdin"));
        if (input.url().startsWith("rtsp")) {
            // Interleaved TCP always: to the proxy, which reaches a UDP-only camera over UDP (a URL read directly is
            // one whose camera's transport is TCP).
            command.addAll(List.of("-rtsp_transport", "tcp", "-timeout", Long.toString(stallTimeout.toNanos() / 1000)));
            command.addAll(CameraAudio.rtspInputArgs(source.audio()));
        }
        command.addAll(List.of("-fflags", "nobuffer", "-analyzeduration", "500000", "-probesize", "500000",
                "-i", input.url()));
        command.addAll(CameraAudio.outputArgs(source.audio(), source.audioCodec()));
        command.addAll(List.of("-f", "mp4",
                "-movflags", "empty_moov+default_base_moof+frag_every_frame", "-flush_packets", "1", "pipe:1"));
        return command;
    }

    @Override
    public Session open(PullKey key, StreamSource source, int generation, Listener listener) {
        Process process;
        RtspProxy.Registration input;
        try {
            input = source.url().startsWith("rtsp")
                    ? proxy.open(source.url(), RtspProxy.Transport.parse(source.transport()))
                    : proxy.open(source.url());
        } catch (IllegalArgumentException e) {
            Thread.ofVirtual().start(() -> listener.ended(e.getMessage()));
            return () -> { };
        }
        try {
            process = new ProcessBuilder(command(input, source)).start();
        } catch (IOException e) {
            input.close();
            Thread.ofVirtual().start(() -> listener.ended("FFmpeg could not start: " + Secrets.mask(e.getMessage())));
            return () -> { };
        }
        Run run = new Run(key, process, input, generation, listener);
        Thread.ofPlatform().name("live-pull-" + key).daemon().start(run::read);
        Thread.ofVirtual().name("live-stderr-" + key).start(run::drainErrors);
        run.watch = watchdog.scheduleWithFixedDelay(run::checkStall, 1, 1, TimeUnit.SECONDS);
        return run::close;
    }

    @Override
    public void close() {
        watchdog.shutdownNow();
    }

    private final class Run {
        private final PullKey key;
        private final Process process;
        private final RtspProxy.Registration input;
        private final int generation;
        private final Listener listener;
        private final AtomicBoolean closed = new AtomicBoolean();
        private final Deque<String> errors = new ArrayDeque<>();
        private volatile long lastByteNanos = System.nanoTime();
        private volatile java.util.concurrent.ScheduledFuture<?> watch;

        Run(PullKey key, Process process, RtspProxy.Registration input, int generation, Listener listener) {
            this.key = key;
            this.process = process;
            this.input = input;
            this.generation = generation;
            this.listener = listener;
        }

        void read() {
            String reason;
            try (DataInputStream in = new DataInputStream(process.getInputStream())) {
                reason = pump(in);
            } catch (IOException e) {
                reason = "the pipe from FFmpeg failed: " + e.getMessage();
            } catch (Fmp4.NotFragmentedMp4Exception e) {
                reason = "FFmpeg wrote what is not fragmented MP4: " + e.getMessage();
            }
            process.destroyForcibly();
            if (watch != null) {
                watch.cancel(false);
            }
            try {
                process.waitFor(2, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            input.close();
            if (closed.compareAndSet(false, true)) {
                String detail = input.failure() != null ? input.failure() : lastError();
                listener.ended(Secrets.mask(detail.isEmpty() ? reason : reason + ": " + detail));
            }
        }

        private String pump(DataInputStream in) throws IOException, Fmp4.NotFragmentedMp4Exception {
            byte[] ftyp = null;
            InitSection init = null;
            Fmp4.Track track = null;
            byte[] moof = null;
            java.io.ByteArrayOutputStream audio = new java.io.ByteArrayOutputStream();
            byte[] header = new byte[8];
            while (!closed.get()) {
                try {
                    in.readFully(header);
                } catch (EOFException e) {
                    return "the upstream stream ended";
                }
                lastByteNanos = System.nanoTime();
                long size = Integer.toUnsignedLong(ByteBuffer.wrap(header).getInt());
                String type = new String(header, 4, 4, StandardCharsets.ISO_8859_1);
                if (size < 8 || size > MAX_BOX) {
                    throw new Fmp4.NotFragmentedMp4Exception("box " + type + " of " + size + " bytes");
                }
                byte[] box = new byte[(int) size];
                System.arraycopy(header, 0, box, 0, 8);
                in.readFully(box, 8, box.length - 8);
                lastByteNanos = System.nanoTime();
                switch (type) {
                    case "ftyp" -> ftyp = box;
                    case "moov" -> {
                        track = Fmp4.track(ByteBuffer.wrap(box, 8, box.length - 8));
                        ByteBuffer bytes = ByteBuffer.allocate((ftyp == null ? 0 : ftyp.length) + box.length);
                        if (ftyp != null) {
                            bytes.put(ftyp);
                        }
                        bytes.put(box).flip();
                        init = new InitSection(bytes, track.mimeType(), track.codecs(), track.width(), track.height(),
                                track.timescale(), generation);
                        listener.init(init);
                    }
                    case "moof" -> moof = box;
                    case "mdat" -> {
                        if (moof == null || init == null) {
                            continue;
                        }
                        Fmp4.FragmentTiming timing = Fmp4.timing(ByteBuffer.wrap(moof, 8, moof.length - 8), track);
                        if (timing == null) {
                            // Sound only (one fragment per frame, and audio frames are frames): it goes out with the
                            // next video fragment, so every fragment a viewer gets has a picture and a time.
                            audio.write(moof);
                            audio.write(box);
                            moof = null;
                            continue;
                        }
                        ByteBuffer bytes = ByteBuffer.allocate(audio.size() + moof.length + box.length)
                                .put(audio.toByteArray()).put(moof).put(box).flip();
                        audio.reset();
                        listener.fragment(new Fragment(bytes, init, timing.decodeTime(), timing.duration(),
                                timing.keyframe(), lastByteNanos, System.currentTimeMillis()));
                        moof = null;
                    }
                    default -> {
                        // mfra and others: nothing a live viewer needs
                    }
                }
            }
            return "closed";
        }

        void drainErrors() {
            try (BufferedReader err = new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = err.readLine()) != null) {
                    String shown = input.explain(line); // masked before it is cut: a cut could split a URL's login
                    synchronized (errors) {
                        errors.addLast(shown.length() > 300 ? shown.substring(0, 300) : shown);
                        while (errors.size() > 5) {
                            errors.removeFirst();
                        }
                    }
                }
            } catch (IOException ignored) {
                // the process ended
            }
        }

        String lastError() {
            synchronized (errors) {
                return errors.isEmpty() ? "" : errors.peekLast();
            }
        }

        void checkStall() {
            if (System.nanoTime() - lastByteNanos > stallTimeout.toNanos() && process.isAlive()) {
                log.info("live pull {}: nothing from upstream for {}; restarting", key, stallTimeout);
                synchronized (errors) {
                    errors.addLast("nothing arrived for " + stallTimeout.toSeconds() + " s");
                }
                process.destroyForcibly();
            }
        }

        void close() {
            if (closed.compareAndSet(false, true)) {
                process.destroyForcibly();
                input.close();
                if (watch != null) {
                    watch.cancel(false);
                }
            }
        }
    }
}
