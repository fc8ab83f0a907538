package net.voipbin.apigateway.events;

import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import net.voipbin.rpc.envelope.Event;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The live clients by customer, and the fan-out of the bus's events to them. An event goes only to the
 * clients of the customer its {@code data.customer_id} names; events without one are not customer
 * events and go nowhere (as for webhooks). Called from the one bus consumer, in bus order.
 */
final class EventHub {

    private static final Logger log = LoggerFactory.getLogger(EventHub.class);

    /** The body customers' webhooks receive; the live clients get the same. */
    record WebhookBody(String type, Instant timestamp, JsonNode data) {
    }

    private final Map<UUID, Set<EventClient>> clients = new ConcurrentHashMap<>();
    private final JsonMapper json;
    private final int clientBuffer;

    EventHub(JsonMapper json, int clientBuffer) {
        this.json = json;
        this.clientBuffer = clientBuffer;
    }

    /** Connects a client; it receives the customer's events from now on, until it or its sink closes. */
    EventClient connect(UUID customer, EventFilter filter, EventSink sink) {
        EventClient[] client = new EventClient[1];
        client[0] = new EventClient(customer, filter, sink, clientBuffer, () -> disconnect(client[0]));
        clients.computeIfAbsent(customer, id -> ConcurrentHashMap.newKeySet()).add(client[0]);
        client[0].start();
        log.info("live events of customer {} opened", customer);
        return client[0];
    }

    void dispatch(Event event) {
        UUID customer = event.uuid("customer_id").orElse(null);
        if (customer == null) {
            return;
        }
        Set<EventClient> listeners = clients.get(customer);
        if (listeners == null || listeners.isEmpty()) {
            return;
        }
        LiveEvent live = new LiveEvent(customer, event.type(), LiveEvent.resourceOf(event.type()),
                LiveEvent.resourceIdOf(event),
                json.writeValueAsString(new WebhookBody(event.type(), event.timestamp(), event.data())));
        for (EventClient client : listeners) {
            if (client.wants(live)) {
                client.offer(live.body());
            }
        }
    }

    /** Ends every client, telling it why. */
    void closeAll(String reason) {
        clients.values().forEach(set -> set.forEach(client -> client.close(reason)));
    }

    int connected(UUID customer) {
        Set<EventClient> listeners = clients.get(customer);
        return listeners == null ? 0 : listeners.size();
    }

    private void disconnect(EventClient client) {
        clients.computeIfPresent(client.customer(), (id, set) -> {
            set.remove(client);
            return set.isEmpty() ? null : set;
        });
    }
}
