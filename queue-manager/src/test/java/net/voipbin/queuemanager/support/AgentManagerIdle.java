package net.voipbin.queuemanager.support;

import java.util.List;
import java.util.UUID;

import org.springframework.amqp.core.AcknowledgeMode;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.amqp.rabbit.listener.DirectMessageListenerContainer;

import jakarta.validation.Validation;
import net.voipbin.contract.agentmanager.AgentReserve;
import net.voipbin.contract.agentmanager.Reservation;
import net.voipbin.rpc.server.RpcEndpoint;
import net.voipbin.rpc.server.RpcRouter;
import net.voipbin.rpc.server.RpcServer;
import net.voipbin.testsupport.TestInfra;
import tools.jackson.databind.json.JsonMapper;

/** agent-manager with nobody logged in: every reservation comes back empty (callers just wait). */
public final class AgentManagerIdle implements AutoCloseable {

    private final DirectMessageListenerContainer container;

    public AgentManagerIdle(ConnectionFactory connectionFactory, JsonMapper json, String queue) {
        new RabbitAdmin(connectionFactory).declareQueue(new Queue(queue, true, false, false));
        TestInfra.rememberQueue(queue);
        RpcEndpoint routes = r -> r.post("/v1/reservations", AgentReserve.class, c -> new Reservation(
                UUID.randomUUID(), c.body().customerId(), c.body().strategy(), List.of(), 0));
        RpcRouter router = new RpcRouter(List.of(routes), json, Validation.buildDefaultValidatorFactory().getValidator());
        container = new DirectMessageListenerContainer(connectionFactory);
        container.setQueueNames(queue);
        container.setAcknowledgeMode(AcknowledgeMode.AUTO);
        container.setDefaultRequeueRejected(false);
        container.setMessageListener(new RpcServer(router, json));
        container.start();
    }

    @Override
    public void close() {
        container.stop();
    }
}
