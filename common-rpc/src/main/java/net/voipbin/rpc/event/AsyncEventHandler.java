package net.voipbin.rpc.event;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import net.voipbin.rpc.envelope.Event;

/**
 * Handles an event without holding the consumer: the message is acknowledged when the returned stage
 * completes (retried or parked when it fails), so a few consumers with a large prefetch keep many
 * events in hand at once, e.g. while a group commit gathers them.
 */
@FunctionalInterface
public interface AsyncEventHandler {

    CompletionStage<?> handle(Event event) throws Exception;

    /** A handler that finishes its work before it returns. */
    static AsyncEventHandler blocking(RawEventHandler handler) {
        return event -> {
            handler.handle(event);
            return CompletableFuture.completedFuture(null);
        };
    }
}
