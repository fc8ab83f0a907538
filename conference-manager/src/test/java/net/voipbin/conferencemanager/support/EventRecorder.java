package net.voipbin.conferencemanager.support;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.amqp.core.AcknowledgeMode;
import org.springframework.amqp.core.BindingBuilder;
import org.springframework.amqp.core.MessageListener;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.core.TopicExchange;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.amqp.rabbit.listener.DirectMessageListenerContainer;

import net.voipbin.rpc.envelope.Event;
import net.voipbin.testsupport.TestInfra;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Every conference-manager event on the event exchange, as a subscriber (webhook-manager, flow-manager) gets it. */
public final class EventRecorder implements AutoCloseable {

    private final List<Event> events = new CopyOnWriteArrayList<>();
    private final DirectMessageListenerContainer container;

    public EventRecorder(ConnectionFactory connectionFactory, JsonMapper json, String exchange, String queue) {
        RabbitAdmin admin = new RabbitAdmin(connectionFactory);
        Queue q = new Queue(queue, false, false, false);
        admin.declareQueue(q);
        admin.declareExchange(new TopicExchange(exchange, true, false));
        admin.declareBinding(BindingBuilder.bind(q).to(new TopicExchange(exchange, true, false))
                .with("conference-manager.#"));
        TestInfra.rememberQueue(queue);
        container = new DirectMessageListenerContainer(connectionFactory);
        container.setQueueNames(queue);
        container.setAcknowledgeMode(AcknowledgeMode.AUTO);
        container.setMessageListener((MessageListener) m -> events.add(json.readValue(m.getBody(), Event.class)));
        container.start();
    }

    /** Events of {@code type} whose data names {@code id} in {@code field}, oldest first. */
    public List<JsonNode> of(String type, String field, UUID id) {
        return events.stream().filter(e -> e.type().equals(type))
                .map(Event::data).filter(d -> id.toString().equals(d.path(field).asString(""))).toList();
    }

    /** The conferencecall events of one conference, oldest first. */
    public List<Event> members(UUID conferenceId) {
        return events.stream().filter(e -> e.type().startsWith("conferencecall_"))
                .filter(e -> conferenceId.toString().equals(e.data().path("conference_id").asString(""))).toList();
    }

    @Override
    public void close() {
        container.stop();
    }
}
