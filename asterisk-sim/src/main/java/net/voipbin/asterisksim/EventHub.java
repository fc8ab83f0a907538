package net.voipbin.asterisksim;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.netty.channel.Channel;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The connected ARI WebSocket clients, each of an application. Events are emitted from the
 * simulator's one thread, so every client receives them in emission order; like Asterisk, nothing is
 * kept for clients that are not connected, and an application's event filter
 * ({@code PUT /applications/{name}/eventFilter}) decides which types its clients get. A bounded log
 * of every emitted event serves tests and {@code GET /sim/events}.
 */
final class EventHub {

    private static final int LOG_LIMIT = 10_000;

    private final Map<Channel, String> clients = new ConcurrentHashMap<>();
    private final Map<String, AppEventFilter> filters = new ConcurrentHashMap<>();
    private final Deque<String> emitted = new ArrayDeque<>();
    /** Changed and read on the simulator thread only, as emitting is. */
    private final List<HeldEvents> holds = new ArrayList<>();

    void add(Channel client, String app) {
        clients.put(client, app);
        filters.putIfAbsent(app, AppEventFilter.NONE);
        client.closeFuture().addListener(closed -> clients.remove(client));
    }

    void emit(ObjectNode event) {
        for (HeldEvents held : holds) {
            if (held.keeps(event)) {
                return;
            }
        }
        String text = AriJson.write(event);
        synchronized (emitted) {
            if (emitted.size() == LOG_LIMIT) {
                emitted.removeFirst();
            }
            emitted.addLast(text);
        }
        String type = event.path("type").asString("");
        clients.forEach((client, app) -> {
            if (filters.getOrDefault(app, AppEventFilter.NONE).passes(type)) {
                write(client, text);
            }
        });
    }

    void hold(HeldEvents held) {
        holds.add(held);
    }

    /** Ends the hold and emits what it kept, in order (through any other hold still on). */
    void release(HeldEvents held) {
        if (holds.remove(held)) {
            held.drain().forEach(this::emit);
        }
    }

    /** Sends a frame as is to every client (tests inject garbage to prove the client survives it). */
    void send(String text) {
        clients.keySet().forEach(client -> write(client, text));
    }

    private static void write(Channel client, String text) {
        if (client.isActive()) {
            client.writeAndFlush(new TextWebSocketFrame(text));
        }
    }

    /** An application that has connected at least once, as ARI's Application model; 404 otherwise. */
    ObjectNode application(String app) {
        AppEventFilter filter = filters.get(app);
        if (filter == null) {
            throw new AriError(404, "Application not found");
        }
        return filter.application(app);
    }

    /** {@code PUT /applications/{app}/eventFilter}: replaces the application's filter. */
    ObjectNode filter(String app, JsonNode body) {
        application(app);
        AppEventFilter filter = AppEventFilter.of(body);
        filters.put(app, filter);
        return filter.application(app);
    }

    void dropAll() {
        clients.keySet().forEach(Channel::close);
    }

    int clientCount() {
        return (int) clients.keySet().stream().filter(Channel::isActive).count();
    }

    List<String> emitted() {
        synchronized (emitted) {
            return new ArrayList<>(emitted);
        }
    }
}
