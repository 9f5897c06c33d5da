package ae.rta.cctv.playback.application.port.out;

import java.nio.file.Path;
import java.time.Duration;
import java.util.function.DoubleConsumer;

/** Writes an MP4 from a playlist of stored footage, by stream copy. */
public interface ExportWriter {

    /**
     * Writes {@code out}: the media of {@code playlist} from {@code offset} (the playlist starts at a keyframe before
     * it; the file keeps that keyframe and opens at {@code offset} through an edit list) for {@code length}, with the
     * index at the front (faststart).
     *
     * @param progress told the share done, 0 to 1, now and then
     * @throws ExportFailedException when the footage cannot be read or written
     */
    void write(Path playlist, Duration offset, Duration length, Path out, DoubleConsumer progress);

    final class ExportFailedException extends RuntimeException {
        public ExportFailedException(String message) {
            super(message);
        }
    }
}
