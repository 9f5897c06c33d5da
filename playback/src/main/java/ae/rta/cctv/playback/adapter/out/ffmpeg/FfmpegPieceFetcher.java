package ae.rta.cctv.playback.adapter.out.ffmpeg;

import ae.rta.cctv.common.rtsp.RtspProxy;
import ae.rta.cctv.playback.application.port.out.PieceFetcher;
import ae.rta.cctv.playback.application.port.out.Upstream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * Fetches upstream replays with FFmpeg, stream copy only, into fMP4 HLS (2 s segments at keyframes). FFmpeg reads
 * through the {@link RtspProxy}, which logs in (FFmpeg never gets the login) and adds the clock range FFmpeg's RTSP
 * client cannot send.
 */
public final class FfmpegPieceFetcher implements PieceFetcher {

    private final String ffmpeg;
    private final RtspProxy proxy;

    public FfmpegPieceFetcher(String ffmpeg, RtspProxy proxy) {
        this.ffmpeg = ffmpeg;
        this.proxy = proxy;
    }

    @Override
    public void fetch(Upstream.Replay replay, Duration length, Path dir) {
        try (RtspProxy.Registration local = proxy.register(RtspProxy.Target.of(replay.url(), replay.range(), replay.require()))) {
            List<String> command = List.of(ffmpeg, "-hide_banner", "-loglevel", "error", "-nostdin", "-y",
                    "-rtsp_transport", "tcp", "-timeout", "10000000", "-i", local.url(),
                    "-t", String.format(Locale.ROOT, "%.3f", length.toMillis() / 1000.0), "-map", "0:v:0", "-c", "copy",
                    "-f", "hls", "-hls_time", "2", "-hls_segment_type", "fmp4", "-hls_fmp4_init_filename", "init.mp4",
                    "-hls_segment_filename", dir.resolve("seg_%05d.m4s").toString(), "-hls_flags",
                    "temp_file+independent_segments", "-hls_playlist_type", "event", "-hls_list_size", "0",
                    dir.resolve(PLAYLIST).toString());
            FfmpegRun.run(command, length.multipliedBy(3).plusSeconds(30), line -> { },
                    detail -> new FetchFailedException("the upstream replay failed: "
                            + (local.failure() != null ? local.failure() : local.explain(detail))));
        }
    }
}
