package ae.rta.cctv.live.domain;

import static ae.rta.cctv.live.domain.Fragments.frame;
import static org.assertj.core.api.Assertions.assertThat;

import ae.rta.cctv.live.domain.LlHlsWindow.Availability;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

final class LlHlsWindowTest {

    private static LlHlsWindow window() {
        LlHlsWindow w = new LlHlsWindow(LlHlsWindow.Settings.defaults());
        w.restart(Fragments.INIT);
        return w;
    }

    @Test
    void segmentsStartAtKeyframesAndHoldPartsOfTwoHundredMilliseconds() {
        LlHlsWindow w = window();
        for (int n = 3; n < 25 * 3 + 1; n++) { // starts mid-group: frames before the first keyframe are left out
            w.add(frame(n, 25));
        }
        String playlist = w.playlist("sig=x");
        assertThat(playlist).startsWith("#EXTM3U\n#EXT-X-VERSION:9\n#EXT-X-TARGETDURATION:4\n");
        assertThat(playlist).contains("#EXT-X-MEDIA-SEQUENCE:0", "#EXT-X-MAP:URI=\"init/1.mp4?sig=x\"",
                "#EXTINF:1.000,\nseg/0.m4s?sig=x", "#EXTINF:1.000,\nseg/1.m4s?sig=x",
                "#EXT-X-PART:DURATION=0.200,URI=\"part/0.0.m4s?sig=x\",INDEPENDENT=YES",
                "#EXT-X-PART:DURATION=0.200,URI=\"part/0.1.m4s?sig=x\"\n",
                "#EXT-X-PRELOAD-HINT:TYPE=PART,URI=\"part/2.0.m4s?sig=x\"");
        assertThat(playlist.lines().filter(l -> l.startsWith("#EXT-X-PART:")).count())
                .as("five parts in each whole segment; the new one's first part is not complete").isEqualTo(5 + 5);
        assertThat(w.part(0, 0)).hasValueSatisfying(b -> assertThat(b.remaining()).isEqualTo(5 * 1000));
        assertThat(w.segment(0)).hasValueSatisfying(b -> assertThat(b.remaining()).isEqualTo(25 * 1000));
        assertThat(w.segment(2)).isEmpty();
    }

    @Test
    void aBlockingRequestIsAnsweredWhenItsPartCompletesAndNotBefore() {
        LlHlsWindow w = window();
        for (int n = 0; n < 25; n++) {
            w.add(frame(n, 25));
        }
        AtomicInteger answered = new AtomicInteger();
        w.await(1, 1, answered::incrementAndGet);
        assertThat(w.playlistHas(1, 1)).isEqualTo(Availability.PENDING);
        for (int n = 25; n < 34; n++) {
            w.add(frame(n, 25));
        }
        assertThat(answered).hasValue(0); // part 1.1 is frames 30-34: one frame short
        w.add(frame(34, 25));
        assertThat(answered).hasValue(1);
        assertThat(w.playlistHas(9, -1)).as("more than two segments ahead").isEqualTo(Availability.UNAVAILABLE);
    }

    @Test
    void theWindowKeepsSevenSegmentsAndPartsOfTheNewestThree() {
        LlHlsWindow w = window();
        for (int n = 0; n < 25 * 12; n++) {
            w.add(frame(n, 25));
        }
        String playlist = w.playlist("q");
        assertThat(playlist).contains("#EXT-X-MEDIA-SEQUENCE:5");
        assertThat(playlist.lines().filter(l -> l.startsWith("#EXTINF")).count()).isEqualTo(6);
        assertThat(w.segment(4)).isEmpty();
        assertThat(w.part(8, 0)).isEmpty();
        assertThat(w.part(10, 0)).isPresent();
    }

    @Test
    void aNewUpstreamSessionIsADiscontinuityWithItsOwnInitSection() {
        LlHlsWindow w = window();
        for (int n = 0; n < 50; n++) {
            w.add(frame(n, 25));
        }
        InitSection second = Fragments.init(2);
        w.restart(second);
        for (int n = 0; n < 30; n++) {
            w.add(Fragments.frame(second, n, 25, 1000));
        }
        String playlist = w.playlist("q");
        assertThat(playlist).contains("#EXT-X-DISCONTINUITY\n#EXT-X-MAP:URI=\"init/2.mp4?q\"");
        assertThat(w.init(2)).isPresent();
        assertThat(w.init(1)).isPresent();
    }

    @Test
    void closingLetsEveryWaiterGo() {
        LlHlsWindow w = window();
        AtomicInteger answered = new AtomicInteger();
        w.await(0, 0, answered::incrementAndGet);
        w.close();
        assertThat(answered).hasValue(1);
        assertThat(w.playlistHas(0, 0)).isEqualTo(Availability.UNAVAILABLE);
    }
}
