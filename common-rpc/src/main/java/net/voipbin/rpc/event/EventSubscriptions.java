package net.voipbin.rpc.event;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import net.voipbin.rpc.envelope.Event;
import tools.jackson.databind.json.JsonMapper;

/**
 * The subscription table: routing key ({@code <publisher>.<type>}, or {@code #} for every event) →
 * handler. The queue bindings are derived from its keys.
 */
public final class EventSubscriptions {

    public static final String ALL = "#";

    private static final Logger log = LoggerFactory.getLogger(EventSubscriptions.class);

    private final Map<String, AsyncEventHandler> handlers = new LinkedHashMap<>();
    private final JsonMapper json;

    public EventSubscriptions(JsonMapper json) {
        this.json = json;
    }

    /** Handles {@code publisher}'s {@code type} events, their data mapped to {@code dataType}. */
    public <T> EventSubscriptions on(String publisher, String type, Class<T> dataType, EventHandler<T> handler) {
        return onEvent(publisher, type, event -> handler.handle(json.treeToValue(event.data(), dataType)));
    }

    public EventSubscriptions onEvent(String publisher, String type, RawEventHandler handler) {
        return register(publisher + "." + type, AsyncEventHandler.blocking(handler));
    }

    /** Every event on the bus (webhook-manager); each is acked when its handler's stage completes. */
    public EventSubscriptions onAllAsync(AsyncEventHandler handler) {
        return register(ALL, handler);
    }

    public Set<String> routingKeys() {
        return Set.copyOf(handlers.keySet());
    }

    public boolean isEmpty() {
        return handlers.isEmpty();
    }

    /**
     * Dispatches by routing key; an event nobody handles (a type this service does not know, under a key it
     * is bound to) is acked and ignored with a log line, never failed: retrying would not teach it the type.
     */
    public AsyncEventHandler dispatcher(String queue) {
        return event -> {
            Optional<AsyncEventHandler> handler = handlerFor(event);
            if (handler.isEmpty()) {
                log.info("event {} on {} has no handler, ignored", event.routingKey(), queue);
                return null;
            }
            return handler.get().handle(event);
        };
    }

    public Optional<AsyncEventHandler> handlerFor(Event event) {
        AsyncEventHandler exact = handlers.get(event.routingKey());
        return Optional.ofNullable(exact != null ? exact : handlers.get(ALL));
    }

    private EventSubscriptions register(String key, AsyncEventHandler handler) {
        if (handlers.putIfAbsent(key, handler) != null) {
            throw new IllegalStateException("two handlers for " + key);
        }
        return this;
    }
}
