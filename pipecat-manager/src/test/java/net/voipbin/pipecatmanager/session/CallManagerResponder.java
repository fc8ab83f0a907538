package net.voipbin.pipecatmanager.session;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.amqp.core.AcknowledgeMode;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.amqp.rabbit.listener.DirectMessageListenerContainer;

import jakarta.validation.Validation;
import net.voipbin.contract.callmanager.CallHangupRequest;
import net.voipbin.contract.callmanager.CallTransferCreate;
import net.voipbin.contract.callmanager.ExternalMedia;
import net.voipbin.contract.callmanager.ExternalMediaCreate;
import net.voipbin.rpc.server.RpcEndpoint;
import net.voipbin.rpc.server.RpcRouter;
import net.voipbin.rpc.server.RpcServer;
import net.voipbin.testsupport.TestInfra;
import tools.jackson.databind.json.JsonMapper;

/**
 * call-manager as pipecat-manager sees it: a real RPC server (common-rpc's router and server) on
 * call-manager's request queue, answering the three routes and recording what it was asked; external
 * media is answered only, or done in an Asterisk ({@link SimCallManager}).
 */
final class CallManagerResponder implements AutoCloseable {

    record Request(String route, String callId, Object body) {
    }

    /** What external-media does: by default only answers; {@link SimCallManager} makes Asterisk do it. */
    interface Media {
        ExternalMedia attach(String callId, ExternalMediaCreate request);
    }

    static final Media ANSWER_ONLY = (callId, body) -> new ExternalMedia(java.util.UUID.fromString(callId),
            "audiosocket-1", body.externalHost(), body.format());

    final List<Request> requests = new CopyOnWriteArrayList<>();
    private final DirectMessageListenerContainer container;

    CallManagerResponder(ConnectionFactory connectionFactory, JsonMapper json, String queue) {
        this(connectionFactory, json, queue, ANSWER_ONLY);
    }

    CallManagerResponder(ConnectionFactory connectionFactory, JsonMapper json, String queue, Media media) {
        new RabbitAdmin(connectionFactory).declareQueue(new Queue(queue, true, false, false));
        TestInfra.rememberQueue(queue);
        RpcEndpoint routes = r -> r
                .post("/v1/calls/{id}/external-media", ExternalMediaCreate.class, call -> {
                    requests.add(new Request("external-media", call.path("id"), call.body()));
                    return media.attach(call.path("id"), call.body());
                })
                .post("/v1/calls/{id}/transfer", CallTransferCreate.class, call -> {
                    requests.add(new Request("transfer", call.path("id"), call.body()));
                    return Map.of("transfer_id", "tr-1");
                })
                .post("/v1/calls/{id}/hangup", CallHangupRequest.class, call -> {
                    requests.add(new Request("hangup", call.path("id"), call.body()));
                    return Map.of("status", "hangup");
                });
        RpcRouter router = new RpcRouter(List.of(routes), json,
                Validation.buildDefaultValidatorFactory().getValidator());
        container = new DirectMessageListenerContainer(connectionFactory);
        container.setQueueNames(queue);
        container.setAcknowledgeMode(AcknowledgeMode.AUTO);
        container.setDefaultRequeueRejected(false);
        container.setMessageListener(new RpcServer(router, json));
        container.start();
    }

    List<Request> of(String route) {
        return requests.stream().filter(r -> r.route().equals(route)).toList();
    }

    @Override
    public void close() {
        container.stop();
    }
}
