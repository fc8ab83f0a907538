package net.voipbin.rpc.event;

import net.voipbin.rpc.envelope.Event;

/** Handles a whole event envelope (for consumers that forward events as they are). */
@FunctionalInterface
public interface RawEventHandler {

    void handle(Event event) throws Exception;
}
