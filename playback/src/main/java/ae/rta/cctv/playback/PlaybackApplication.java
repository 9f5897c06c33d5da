package ae.rta.cctv.playback;

import ae.rta.cctv.common.CctvApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The playback service (port 8090): coverage, source choice, HLS over stored segments, export. */
@SpringBootApplication
public class PlaybackApplication {

    public static final String NAME = "playback";

    public static void main(String[] args) {
        CctvApplication.run(PlaybackApplication.class, NAME, args);
    }
}
