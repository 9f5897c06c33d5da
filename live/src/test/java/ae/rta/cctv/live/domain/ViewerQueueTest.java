package ae.rta.cctv.live.domain;

import static ae.rta.cctv.live.domain.Fragments.frame;
import static org.assertj.core.api.Assertions.assertThat;

import ae.rta.cctv.live.domain.ViewerQueue.Offer;
import org.junit.jupiter.api.Test;

final class ViewerQueueTest {

    private static final long ONE_SECOND = 1_000_000_000L;

    @Test
    void aViewerStartsAtAKeyframe() {
        ViewerQueue queue = new ViewerQueue(ONE_SECOND, 1 << 20);
        assertThat(queue.offer(frame(3, 25))).isEqualTo(Offer.DROPPED);
        assertThat(queue.offer(frame(25, 25))).isEqualTo(Offer.QUEUED);
        assertThat(queue.offer(frame(26, 25))).isEqualTo(Offer.QUEUED);
        assertThat(queue.poll().keyframe()).isTrue();
    }

    @Test
    void aViewerThatKeepsUpLosesNothing() {
        ViewerQueue queue = new ViewerQueue(ONE_SECOND, 1 << 20);
        for (int n = 0; n < 500; n++) {
            assertThat(queue.offer(frame(n, 25))).isEqualTo(Offer.QUEUED);
            assertThat(queue.poll().decodeTime()).isEqualTo(n * 3600L);
        }
    }

    @Test
    void aViewerMoreThanTheLagBehindSkipsToTheNewestKeyframeItHolds() {
        ViewerQueue queue = new ViewerQueue(ONE_SECOND, 1 << 20);
        int skips = 0;
        for (int n = 0; n <= 60; n++) {
            if (queue.offer(frame(n, 25)) == Offer.SKIPPED) {
                skips++;
            }
        }
        // Nothing is sent: at 26 frames (1.04 s) the queue skips to the keyframe at 25, and again to the one at 50.
        assertThat(skips).isEqualTo(2);
        Fragment head = queue.poll();
        assertThat(head.keyframe()).isTrue();
        assertThat(head.decodeTime()).isEqualTo(50 * 3600L);
        assertThat(queue.size()).isEqualTo(10);
    }

    @Test
    void withNoNewerKeyframeItDropsEverythingAndWaitsForTheNext() {
        ViewerQueue queue = new ViewerQueue(ONE_SECOND, 1 << 20);
        for (int n = 0; n < 100; n++) {
            queue.offer(frame(n, 100)); // one keyframe, at 0: the lag passes with no newer one
        }
        assertThat(queue.size()).isZero();
        assertThat(queue.offer(frame(100, 100))).isEqualTo(Offer.QUEUED);
        assertThat(queue.poll().decodeTime()).isEqualTo(100 * 3600L);
    }

    @Test
    void theByteBoundHoldsWhateverTheDuration() {
        ViewerQueue queue = new ViewerQueue(60 * ONE_SECOND, 50_000);
        int skips = 0;
        for (int n = 0; n < 200; n++) {
            if (queue.offer(Fragments.frame(Fragments.INIT, n, 25, 10_000)) == Offer.SKIPPED) {
                skips++;
            }
        }
        assertThat(skips).isPositive();
        assertThat(queue.size() * 10_000L).isLessThanOrEqualTo(50_000);
    }
}
