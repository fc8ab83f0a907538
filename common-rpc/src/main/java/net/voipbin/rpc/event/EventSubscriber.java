package net.voipbin.rpc.event;

/**
 * A bean that consumes other services' events. Its table declares publisher + type → handler; the
 * service's subscribe queue is bound to exactly those routing keys.
 */
public interface EventSubscriber {

    void subscriptions(EventSubscriptions subscriptions);
}
