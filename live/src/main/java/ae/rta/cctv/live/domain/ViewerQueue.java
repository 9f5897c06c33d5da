package ae.rta.cctv.live.domain;

import java.util.ArrayDeque;
import java.util.Iterator;

/**
 * What one viewer has yet to be sent. It is bounded: when the viewer falls behind (more than {@code maxLagNanos} of
 * video or {@code maxBytes} waiting) it skips to the newest keyframe it holds, or, holding none past its head, drops
 * everything and waits for the next one. A slow viewer so costs the others nothing and never grows a buffer; it
 * sees a jump instead of a delay. A new viewer starts at a keyframe.
 */
public final class ViewerQueue {

    /** What became of an offered fragment. */
    public enum Offer {
        /** Queued for sending. */
        QUEUED,
        /** Not queued: the viewer waits for a keyframe. */
        DROPPED,
        /** Queued, and the viewer skipped ahead to reach it (older fragments were dropped). */
        SKIPPED
    }

    private final long maxLagNanos;
    private final long maxBytes;
    private final ArrayDeque<Fragment> queue = new ArrayDeque<>();
    private long queuedBytes;
    private long queuedNanos;
    private boolean awaitingKeyframe = true;

    public ViewerQueue(long maxLagNanos, long maxBytes) {
        if (maxLagNanos <= 0 || maxBytes <= 0) {
            throw new IllegalArgumentException("limits must be positive");
        }
        this.maxLagNanos = maxLagNanos;
        this.maxBytes = maxBytes;
    }

    public synchronized Offer offer(Fragment fragment) {
        if (awaitingKeyframe) {
            if (!fragment.keyframe()) {
                return Offer.DROPPED;
            }
            awaitingKeyframe = false;
        }
        add(fragment);
        if (queuedNanos <= maxLagNanos && queuedBytes <= maxBytes) {
            return Offer.QUEUED;
        }
        Fragment newestKeyframe = null;
        for (Iterator<Fragment> it = queue.descendingIterator(); it.hasNext(); ) {
            Fragment f = it.next();
            if (f.keyframe()) {
                newestKeyframe = f;
                break;
            }
        }
        if (newestKeyframe != null && newestKeyframe != queue.peekFirst()) {
            while (queue.peekFirst() != newestKeyframe) {
                remove();
            }
            return Offer.SKIPPED;
        }
        queue.clear();
        queuedBytes = 0;
        queuedNanos = 0;
        awaitingKeyframe = true;
        return Offer.SKIPPED;
    }

    /** The next fragment to send, or null when none waits. */
    public synchronized Fragment poll() {
        return queue.isEmpty() ? null : remove();
    }

    public synchronized int size() {
        return queue.size();
    }

    /** Drops what waits; the viewer starts again at the next keyframe (after a new init section, say). */
    public synchronized void reset() {
        queue.clear();
        queuedBytes = 0;
        queuedNanos = 0;
        awaitingKeyframe = true;
    }

    private void add(Fragment fragment) {
        queue.addLast(fragment);
        queuedBytes += fragment.size();
        queuedNanos += fragment.durationNanos();
    }

    private Fragment remove() {
        Fragment f = queue.removeFirst();
        queuedBytes -= f.size();
        queuedNanos -= f.durationNanos();
        return f;
    }
}
