package net.voipbin.rpc.event;

import java.io.IOException;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.rabbitmq.client.Channel;

/**
 * One channel's deliveries between receipt and acknowledgement; handlers may finish them in any order.
 * Whatever has finished is acked, a run of finished deliveries at the front as one multiple-ack and
 * any other one on its own, so nothing finished waits behind a slow delivery. A delivery finished
 * from another thread ({@link #finishedSoon}) is acked a moment later together with whatever else
 * finishes meanwhile: a group commit that releases a hundred events costs the broker one frame.
 */
final class PendingAcks {

    private static final Logger log = LoggerFactory.getLogger(PendingAcks.class);

    private final Channel channel;
    /** Delivery tag → finished. Tags rise in delivery order on one channel. */
    private final TreeMap<Long, Boolean> pending = new TreeMap<>();
    private int finishedCount;
    private boolean flushQueued;

    PendingAcks(Channel channel) {
        this.channel = channel;
    }

    /** Must be called in delivery order, before the delivery can finish. */
    synchronized void received(long tag) {
        pending.put(tag, Boolean.FALSE);
    }

    /** The delivery was handled (or retried, or parked): acked now, with any finished run it completes. */
    synchronized void finished(long tag) throws IOException {
        mark(tag);
        ackFinished();
    }

    /** As {@link #finished}, but acked on another thread after the caller's burst of completions. */
    void finishedSoon(long tag) {
        synchronized (this) {
            mark(tag);
            if (flushQueued) {
                return;
            }
            flushQueued = true;
        }
        Thread.startVirtualThread(this::flush);
    }

    /** The delivery goes back to the queue (its retry could not be stored). */
    synchronized void requeue(long tag) throws IOException {
        Boolean finished = pending.remove(tag);
        if (finished != null) {
            finishedCount -= finished ? 1 : 0;
            channel.basicNack(tag, false, true);
        }
    }

    synchronized int unacknowledged() {
        return pending.size();
    }

    private void mark(long tag) {
        if (pending.replace(tag, Boolean.TRUE) == Boolean.FALSE) {
            finishedCount++;
        }
    }

    private synchronized void flush() {
        flushQueued = false;
        try {
            ackFinished();
        } catch (IOException | RuntimeException e) {
            // Not acked: the broker redelivers them when the channel closes.
            log.warn("could not acknowledge finished messages: {}", e.getMessage());
        }
    }

    private void ackFinished() throws IOException {
        long upTo = -1;
        for (Iterator<Map.Entry<Long, Boolean>> front = pending.entrySet().iterator(); front.hasNext(); ) {
            Map.Entry<Long, Boolean> entry = front.next();
            if (!entry.getValue()) {
                break;
            }
            upTo = entry.getKey();
            front.remove();
            finishedCount--;
        }
        if (upTo >= 0) {
            channel.basicAck(upTo, true);
        }
        for (Iterator<Map.Entry<Long, Boolean>> rest = pending.entrySet().iterator(); finishedCount > 0 && rest.hasNext(); ) {
            Map.Entry<Long, Boolean> entry = rest.next();
            if (entry.getValue()) {
                channel.basicAck(entry.getKey(), false);
                rest.remove();
                finishedCount--;
            }
        }
    }
}
