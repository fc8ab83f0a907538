package net.voipbin.rpc.event;

/**
 * A bean that must see events at <em>every</em> instance of its service, not at one of them: the
 * invalidation of a cache each instance keeps. Its table is bound to a queue of the instance's own
 * (exclusive, deleted with its connection), next to the service's shared subscribe queue.
 */
public interface InstanceEventSubscriber {

    void subscriptions(EventSubscriptions subscriptions);
}
