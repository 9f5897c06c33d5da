package ae.rta.cctv.playback.application.port.out;

import java.nio.file.Path;
import java.time.Duration;

/** Copies an upstream replay into HLS on disk, by stream copy. */
public interface PieceFetcher {

    /** The playlist file a fetch writes into its folder (fMP4 HLS, EVENT, ENDLIST when done). */
    String PLAYLIST = "piece.m3u8";

    /**
     * Fetches {@code length} of the replay into {@code dir}: {@code init.mp4}, numbered segments and {@link #PLAYLIST},
     * written as they come; returns when done.
     *
     * @throws FetchFailedException when the upstream does not deliver
     */
    void fetch(Upstream.Replay replay, Duration length, Path dir);

    final class FetchFailedException extends RuntimeException {
        public FetchFailedException(String message) {
            super(message);
        }
    }
}
