package net.voipbin.rpc.event;

/** Handles one event's data, already mapped to the publisher's contract record. Must be idempotent. */
@FunctionalInterface
public interface EventHandler<T> {

    void handle(T data) throws Exception;
}
