package net.voipbin.asterisksim;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.netty.channel.Channel;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import tools.jackson.databind.node.ObjectNode;

/**
 * The connected ARI WebSocket clients. Events are emitted from the simulator's one thread, so every
 * client receives them in emission order; like Asterisk, nothing is kept for clients that are not
 * connected. A bounded log of emitted events serves tests and {@code GET /sim/events}.
 */
final class EventHub {

    private static final int LOG_LIMIT = 10_000;

    private final Set<Channel> clients = ConcurrentHashMap.newKeySet();
    private final Deque<String> emitted = new ArrayDeque<>();

    void add(Channel client) {
        clients.add(client);
        client.closeFuture().addListener(closed -> clients.remove(client));
    }

    void emit(ObjectNode event) {
        String text = AriJson.write(event);
        synchronized (emitted) {
            if (emitted.size() == LOG_LIMIT) {
                emitted.removeFirst();
            }
            emitted.addLast(text);
        }
        send(text);
    }

    /** Sends a frame as is (tests inject garbage to prove the client survives it). */
    void send(String text) {
        for (Channel client : clients) {
            if (client.isActive()) {
                client.writeAndFlush(new TextWebSocketFrame(text));
            }
        }
    }

    void dropAll() {
        clients.forEach(Channel::close);
    }

    int clientCount() {
        return (int) clients.stream().filter(Channel::isActive).count();
    }

    List<String> emitted() {
        synchronized (emitted) {
            return new ArrayList<>(emitted);
        }
    }
}
