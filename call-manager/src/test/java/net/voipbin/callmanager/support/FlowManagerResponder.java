package net.voipbin.callmanager.support;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.amqp.core.AcknowledgeMode;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.amqp.rabbit.listener.DirectMessageListenerContainer;

import jakarta.validation.Validation;
import net.voipbin.contract.flowmanager.Activeflow;
import net.voipbin.contract.flowmanager.ActiveflowCreate;
import net.voipbin.contract.flowmanager.Flow;
import net.voipbin.contract.flowmanager.FlowCreate;
import net.voipbin.rpc.error.ApiException;
import net.voipbin.rpc.server.RpcEndpoint;
import net.voipbin.rpc.server.RpcResult;
import net.voipbin.rpc.server.RpcRouter;
import net.voipbin.rpc.server.RpcServer;
import net.voipbin.testsupport.TestInfra;
import tools.jackson.databind.json.JsonMapper;

/**
 * flow-manager as call-manager sees it: a real RPC server (common-rpc's router and server) on
 * flow-manager's request queue. It starts activeflows and stores flows, recording the requests, and answers
 * for the flows it stored or was told of ({@link #flowOwners}).
 */
public final class FlowManagerResponder implements AutoCloseable {

    public final List<ActiveflowCreate> created = new CopyOnWriteArrayList<>();
    public final List<Flow> flowsStored = new CopyOnWriteArrayList<>();
    /** Flows that exist besides the stored ones: flow id → its customer ({@code GET /v1/flows/<id>}). */
    public final Map<UUID, UUID> flowOwners = new ConcurrentHashMap<>();
    private final DirectMessageListenerContainer container;

    public FlowManagerResponder(ConnectionFactory connectionFactory, JsonMapper json, String queue) {
        new RabbitAdmin(connectionFactory).declareQueue(new Queue(queue, true, false, false));
        TestInfra.rememberQueue(queue);
        RpcEndpoint routes = r -> r
                .post("/v1/activeflows", ActiveflowCreate.class, call -> {
                    created.add(call.body());
                    ActiveflowCreate c = call.body();
                    return RpcResult.created(new Activeflow(c.id() == null ? UUID.randomUUID() : c.id(),
                            c.customerId(), c.flowId(),
                            c.referenceType(), c.referenceId(), null, Activeflow.Status.RUNNING, Map.of(),
                            Instant.now(), Instant.now(), null));
                })
                .post("/v1/flows", FlowCreate.class, call -> {
                    Flow flow = new Flow(UUID.randomUUID(), call.body().customerId(), call.body().name(),
                            call.body().detail(), call.body().actions(), Instant.now(), Instant.now());
                    flowsStored.add(flow);
                    flowOwners.put(flow.id(), flow.customerId());
                    return RpcResult.created(flow);
                })
                .get("/v1/flows/{id}", call -> {
                    UUID id = call.pathUuid("id");
                    String customer = call.query("customer_id").orElse("");
                    if (!customer.equals(String.valueOf(flowOwners.get(id)))) {
                        throw ApiException.notFound("flow " + id);
                    }
                    return new Flow(id, UUID.fromString(customer), "flow", null, List.of(), Instant.now(), Instant.now());
                });
        RpcRouter router = new RpcRouter(List.of(routes), json, Validation.buildDefaultValidatorFactory().getValidator());
        container = new DirectMessageListenerContainer(connectionFactory);
        container.setQueueNames(queue);
        container.setAcknowledgeMode(AcknowledgeMode.AUTO);
        container.setDefaultRequeueRejected(false);
        container.setMessageListener(new RpcServer(router, json));
        container.start();
    }

    public boolean startedFor(UUID callId) {
        return created.stream().anyMatch(c -> c.referenceId().equals(callId));
    }

    @Override
    public void close() {
        container.stop();
    }
}
