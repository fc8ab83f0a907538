package net.voipbin.apigateway.events;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.PingMessage;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.TextWebSocketHandler;
import org.springframework.web.util.UriComponentsBuilder;

import net.voipbin.apigateway.config.Caller;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code /v1.0/events/ws}: the caller's events over a WebSocket, one text frame per event carrying the
 * webhook body. The URL's {@code ?type=} and {@code ?resource=} filter; the client may also narrow the
 * stream with VoIPBIN's messages {@code {"type":"subscribe","topics":["customer_id:<id>:call:*"]}} and
 * {@code unsubscribe}: once it subscribed to a topic it gets only what its topics name. A bad message is
 * answered with {@code {"type":"error","error":"invalid_argument","message":...}} and changes nothing.
 */
final class EventWebSocketHandler extends TextWebSocketHandler {

    private static final Logger log = LoggerFactory.getLogger(EventWebSocketHandler.class);
    private static final String CLIENT = "voipbin.events.client";

    private final EventHub hub;
    private final JsonMapper json;

    EventWebSocketHandler(EventHub hub, JsonMapper json) {
        this.hub = hub;
        this.json = json;
    }

    @Override
    public void afterConnectionEstablished(WebSocketSession session) throws IOException {
        UUID customer = session.getPrincipal() instanceof Authentication caller ? Caller.customer(caller).orElse(null)
                : null;
        if (customer == null) {
            // Only an operator's token gets here (no token at all is refused at the handshake).
            session.close(CloseStatus.POLICY_VIOLATION.withReason("the token names no customer"));
            return;
        }
        var query = UriComponentsBuilder.fromUri(session.getUri()).build().getQueryParams();
        EventFilter filter = EventFilter.of(decoded(query.getFirst("type")), decoded(query.getFirst("resource")));
        session.getAttributes().put(CLIENT, hub.connect(customer, filter, new SessionSink(session)));
    }

    @Override
    protected void handleTextMessage(WebSocketSession session, TextMessage message) {
        EventClient client = (EventClient) session.getAttributes().get(CLIENT);
        if (client == null) {
            return;
        }
        try {
            JsonNode request = json.readTree(message.getPayload());
            String type = request.path("type").asString("");
            List<Topic> topics = topics(request.path("topics"));
            switch (type) {
                case "subscribe" -> client.subscribe(topics);
                case "unsubscribe" -> client.unsubscribe(topics);
                default -> throw new IllegalArgumentException("type must be subscribe or unsubscribe");
            }
        } catch (JacksonException e) {
            client.offer(error("message is not JSON"));
        } catch (IllegalArgumentException e) {
            client.offer(error(e.getMessage()));
        }
    }

    @Override
    public void afterConnectionClosed(WebSocketSession session, CloseStatus status) {
        EventClient client = (EventClient) session.getAttributes().get(CLIENT);
        if (client != null) {
            client.close("client gone (" + status.getCode() + ")");
        }
    }

    private static List<Topic> topics(JsonNode topics) {
        if (!topics.isArray() || topics.isEmpty()) {
            throw new IllegalArgumentException("topics must be a non-empty array of strings");
        }
        List<Topic> parsed = new ArrayList<>();
        topics.forEach(topic -> parsed.add(Topic.parse(topic.isString() ? topic.asString() : null)));
        return parsed;
    }

    private String error(String message) {
        return json.writeValueAsString(Map.of("type", "error", "error", "invalid_argument",
                "message", message));
    }

    private static String decoded(String value) {
        return value == null ? null : URLDecoder.decode(value, StandardCharsets.UTF_8);
    }

    /** 1008 for a client that fell behind, 1001 when the gateway stops (go to another instance). */
    private static CloseStatus status(String reason) {
        if (reason.startsWith(EventClient.TOO_SLOW)) {
            return CloseStatus.POLICY_VIOLATION;
        }
        return reason.equals(LiveClientsLifecycle.SHUTTING_DOWN) ? CloseStatus.GOING_AWAY : CloseStatus.NORMAL;
    }

    private record SessionSink(WebSocketSession session) implements EventSink {

        @Override
        public void send(String frame) throws IOException {
            session.sendMessage(new TextMessage(frame));
        }

        @Override
        public void heartbeat() throws IOException {
            session.sendMessage(new PingMessage());
        }

        @Override
        public void close(String reason) {
            if (!session.isOpen()) {
                return;
            }
            try {
                // A reason over 123 bytes would not fit a close frame.
                String text = reason.length() > 120 ? reason.substring(0, 120) : reason;
                session.close(status(reason).withReason(text));
            } catch (IOException e) {
                log.debug("closing a live-events session: {}", e.getMessage());
            }
        }
    }
}
