package net.voipbin.callmanager.support;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.amqp.core.AcknowledgeMode;
import org.springframework.amqp.core.BindingBuilder;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.core.TopicExchange;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.amqp.rabbit.listener.DirectMessageListenerContainer;
import org.springframework.amqp.core.MessageListener;

import net.voipbin.rpc.envelope.Event;
import net.voipbin.testsupport.TestInfra;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Every call-manager event on the event exchange, as a subscriber (webhook-manager, flow-manager) gets it. */
public final class EventRecorder implements AutoCloseable {

    private final List<Event> events = new CopyOnWriteArrayList<>();
    private final DirectMessageListenerContainer container;

    public EventRecorder(ConnectionFactory connectionFactory, JsonMapper json, String exchange, String queue) {
        RabbitAdmin admin = new RabbitAdmin(connectionFactory);
        // Not auto-delete: a consumer restart must not lose the queue and the events in it.
        Queue q = new Queue(queue, false, false, false);
        admin.declareQueue(q);
        admin.declareBinding(BindingBuilder.bind(q).to(new TopicExchange(exchange, true, false)).with("call-manager.#"));
        TestInfra.rememberQueue(queue);
        container = new DirectMessageListenerContainer(connectionFactory);
        container.setQueueNames(queue);
        container.setAcknowledgeMode(AcknowledgeMode.AUTO);
        container.setMessageListener((MessageListener) m -> events.add(json.readValue(m.getBody(), Event.class)));
        container.start();
    }

    public List<Event> all() {
        return List.copyOf(events);
    }

    /** Events of {@code type} whose data names {@code id} in {@code field}, oldest first. */
    public List<JsonNode> of(String type, String field, UUID id) {
        return events.stream().filter(e -> e.type().equals(type))
                .map(Event::data).filter(d -> id.toString().equals(d.path(field).asString(""))).toList();
    }

    public List<JsonNode> ofCall(String type, UUID callId) {
        return of(type, type.startsWith("call_operation") || type.startsWith("call_dtmf") ? "call_id" : "id", callId);
    }

    @Override
    public void close() {
        container.stop();
    }
}
