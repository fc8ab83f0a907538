package net.voipbin.campaignmanager.support;

import java.util.List;
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

/** Every campaign-manager and flow-manager event on the bus, as a subscriber (webhook-manager) gets it. */
public final class EventRecorder implements AutoCloseable {

    private final List<Event> events = new CopyOnWriteArrayList<>();
    private final DirectMessageListenerContainer container;

    public EventRecorder(ConnectionFactory connectionFactory, JsonMapper json, String exchange, String queue) {
        RabbitAdmin admin = new RabbitAdmin(connectionFactory);
        Queue q = new Queue(queue, false, false, false);
        admin.declareQueue(q);
        TopicExchange topic = new TopicExchange(exchange, true, false);
        admin.declareExchange(topic);
        admin.declareBinding(BindingBuilder.bind(q).to(topic).with("campaign-manager.#"));
        admin.declareBinding(BindingBuilder.bind(q).to(topic).with("flow-manager.activeflow_created"));
        TestInfra.rememberQueue(queue);
        container = new DirectMessageListenerContainer(connectionFactory);
        container.setQueueNames(queue);
        container.setAcknowledgeMode(AcknowledgeMode.AUTO);
        container.setMessageListener((MessageListener) m -> events.add(json.readValue(m.getBody(), Event.class)));
        container.start();
    }

    /** The data of every event of {@code type} whose {@code field} is {@code value}, oldest first. */
    public List<JsonNode> of(String type, String field, Object value) {
        return events.stream().filter(e -> e.type().equals(type)).map(Event::data)
                .filter(d -> value.toString().equals(d.path(field).asString(""))).toList();
    }

    @Override
    public void close() {
        container.stop();
    }
}
