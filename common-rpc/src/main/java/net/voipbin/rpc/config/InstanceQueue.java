package net.voipbin.rpc.config;

/** The name of this instance's own event queue. */
public record InstanceQueue(String name) {
}
