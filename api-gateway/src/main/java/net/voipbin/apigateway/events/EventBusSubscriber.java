package net.voipbin.apigateway.events;

import java.util.concurrent.CompletableFuture;

import net.voipbin.rpc.event.EventSubscriptions;
import net.voipbin.rpc.event.InstanceEventSubscriber;

/**
 * Every event on the bus, on this gateway instance's own queue: a client is connected to one instance,
 * so each instance must see every event. One consumer hands each event to the hub, which only queues it
 * for the clients, so the bus order is each customer's order.
 */
final class EventBusSubscriber implements InstanceEventSubscriber {

    private static final CompletableFuture<?> DONE = CompletableFuture.completedFuture(null);

    private final EventHub hub;

    EventBusSubscriber(EventHub hub) {
        this.hub = hub;
    }

    @Override
    public void subscriptions(EventSubscriptions subscriptions) {
        subscriptions.onAllAsync(event -> {
            hub.dispatch(event);
            return DONE;
        });
    }
}
