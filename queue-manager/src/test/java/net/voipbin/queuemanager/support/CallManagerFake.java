package net.voipbin.queuemanager.support;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.springframework.amqp.core.AcknowledgeMode;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.amqp.rabbit.listener.DirectMessageListenerContainer;

import jakarta.validation.Validation;
import net.voipbin.contract.callmanager.Address;
import net.voipbin.contract.callmanager.Call;
import net.voipbin.contract.callmanager.CallManagerEvents;
import net.voipbin.contract.callmanager.CallOperationFinished;
import net.voipbin.contract.callmanager.CallRequests;
import net.voipbin.contract.callmanager.CallStatus;
import net.voipbin.rpc.envelope.Event;
import net.voipbin.rpc.event.EventPublisher;
import net.voipbin.rpc.server.RpcEndpoint;
import net.voipbin.rpc.server.RpcRouter;
import net.voipbin.rpc.server.RpcServer;
import net.voipbin.testsupport.TestInfra;
import tools.jackson.databind.json.JsonMapper;

/**
 * call-manager as queue-manager sees it: a real RPC server on call-manager's request queue (create, get,
 * hangup, bridge, play, talk, moh, media_stop; a prompt's call_operation_finished after a while) publishing {@code call_answered} / {@code call_hungup} as call-manager does once
 * Asterisk has acted. An agent's address has an originate plan like asterisk-sim's: answer, reject as busy, or
 * never answer (then call-manager's dial timeout ends it as noanswer). Every command is recorded in order.
 */
public final class CallManagerFake implements AutoCloseable {

    public enum Plan { ANSWER, BUSY, NEVER }

    /** {@code dial <target>}, {@code bridge <caller> <agent target>}, {@code hangup <id>}, {@code talk <id> <text>}. */
    public final List<String> commands = new CopyOnWriteArrayList<>();
    private final Map<String, Plan> plans = new ConcurrentHashMap<>();
    private final Map<UUID, String> targets = new ConcurrentHashMap<>();
    private final Set<UUID> ended = ConcurrentHashMap.newKeySet();
    private final Map<UUID, UUID> customers = new ConcurrentHashMap<>();
    /** Per target, its calls not ended yet: a dial while one is live is a double offer. */
    private final Map<String, Set<UUID>> live = new ConcurrentHashMap<>();
    private final java.util.concurrent.atomic.AtomicInteger doubleOffers = new java.util.concurrent.atomic.AtomicInteger();
    private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2);
    private final DirectMessageListenerContainer container;
    private final EventPublisher publisher;
    private final JsonMapper json;
    private final String exchange;
    private volatile long answerDelayMs = 400;
    private volatile long promptMs = 300;
    /** Per call, the prompts playing (operation ids): media_stop ends them without call_operation_finished. */
    private final Map<UUID, Set<String>> prompts = new ConcurrentHashMap<>();

    public CallManagerFake(ConnectionFactory connectionFactory, JsonMapper json, String queue, EventPublisher publisher,
            String exchange) {
        this.publisher = publisher;
        this.json = json;
        this.exchange = exchange;
        new RabbitAdmin(connectionFactory).declareQueue(new Queue(queue, true, false, false));
        TestInfra.rememberQueue(queue);
        RpcEndpoint routes = r -> r
                .post("/v1/calls", CallRequests.Create.class, c -> c.body().destinations().stream()
                        .map(d -> dial(c.body(), d)).toList())
                .get("/v1/calls/{id}", c -> call(c.pathUuid("id"), CallStatus.PROGRESSING, null))
                .post("/v1/calls/{id}/hangup", CallRequests.Hangup.class, c -> {
                    commands.add("hangup " + name(c.pathUuid("id")));
                    end(c.pathUuid("id"), Call.HangupReason.NORMAL);
                    return call(c.pathUuid("id"), CallStatus.HANGUP, Call.HangupReason.NORMAL);
                })
                .post("/v1/calls/{id}/bridge", Map.class, c -> {
                    commands.add("bridge " + name(c.pathUuid("id")) + " " + name(UUID.fromString(
                            String.valueOf(c.body().get("peer_call_id")))));
                    return call(c.pathUuid("id"), CallStatus.PROGRESSING, null);
                })
                .post("/v1/calls/{id}/talk", CallRequests.Talk.class, c -> {
                    commands.add("talk " + name(c.pathUuid("id")) + " " + c.body().text());
                    prompt(c.pathUuid("id"), c.body().operationId(), CallOperationFinished.Operation.TALK);
                    return call(c.pathUuid("id"), CallStatus.PROGRESSING, null);
                })
                .post("/v1/calls/{id}/play", CallRequests.Play.class, c -> {
                    commands.add("play " + name(c.pathUuid("id")) + " " + String.join(",", c.body().media()));
                    prompt(c.pathUuid("id"), c.body().operationId(), CallOperationFinished.Operation.PLAY);
                    return call(c.pathUuid("id"), CallStatus.PROGRESSING, null);
                })
                .post("/v1/calls/{id}/moh", Map.class, c -> {
                    commands.add("moh " + name(c.pathUuid("id")) + " " + c.body().get("moh_class"));
                    return call(c.pathUuid("id"), CallStatus.PROGRESSING, null);
                })
                .delete("/v1/calls/{id}/moh", c -> {
                    commands.add("moh_stop " + name(c.pathUuid("id")));
                    return call(c.pathUuid("id"), CallStatus.PROGRESSING, null);
                })
                .post("/v1/calls/{id}/media_stop", c -> {
                    commands.add("media_stop " + name(c.pathUuid("id")));
                    prompts.remove(c.pathUuid("id"));
                    return call(c.pathUuid("id"), CallStatus.PROGRESSING, null);
                });
        RpcRouter router = new RpcRouter(List.of(routes), json, Validation.buildDefaultValidatorFactory().getValidator());
        container = new DirectMessageListenerContainer(connectionFactory);
        container.setQueueNames(queue);
        container.setAcknowledgeMode(AcknowledgeMode.AUTO);
        container.setDefaultRequeueRejected(false);
        container.setMessageListener(new RpcServer(router, json));
        container.start();
    }

    /** How calls to {@code target} (an agent's extension) go. */
    public void plan(String target, Plan plan) {
        plans.put(target, plan);
    }

    /** How long after the originate an answering agent answers (and a busy one rejects). */
    public void answerAfter(long millis) {
        answerDelayMs = millis;
    }

    /** How long a talk or play lasts before its call_operation_finished. */
    public void promptsLast(long millis) {
        promptMs = millis;
    }

    /** The commands about the call named {@code name}, in order, with the name left out ("talk Hello", "moh jazz"). */
    public List<String> heardBy(String name) {
        return commands.stream().filter(c -> c.contains(" " + name)).map(c -> c.replace(" " + name, "")).toList();
    }

    private void prompt(UUID callId, String operationId, CallOperationFinished.Operation kind) {
        if (operationId == null) {
            return;
        }
        prompts.computeIfAbsent(callId, k -> ConcurrentHashMap.newKeySet()).add(operationId);
        scheduler.schedule(() -> {
            Set<String> playing = prompts.get(callId);
            if (playing != null && playing.remove(operationId) && !ended.contains(callId)) {
                publish(CallManagerEvents.CALL_OPERATION_FINISHED, new CallOperationFinished(callId, customers.get(callId),
                        null, operationId, kind, CallOperationFinished.Result.DONE, null));
            }
        }, promptMs, TimeUnit.MILLISECONDS);
    }

    /** A caller's call (inbound, answered, running a flow), named in the recorded commands. */
    public UUID caller(String name, UUID customerId) {
        UUID id = UUID.randomUUID();
        targets.put(id, name);
        customers.put(id, customerId);
        return id;
    }

    /** The caller hangs up. */
    public void hangUp(UUID callId) {
        end(callId, Call.HangupReason.NORMAL);
    }

    public boolean hungUp(UUID callId) {
        return ended.contains(callId);
    }

    /** Dials to a target that still had a call up (ringing or talking): an agent offered two calls. */
    public int doubleOffers() {
        return doubleOffers.get();
    }

    /** The targets dialled, in order. */
    public List<String> dialled() {
        return commands.stream().filter(c -> c.startsWith("dial ")).map(c -> c.substring(5)).toList();
    }

    private Call dial(CallRequests.Create request, Address destination) {
        UUID id = UUID.randomUUID();
        targets.put(id, destination.target());
        customers.put(id, request.customerId());
        commands.add("dial " + destination.target());
        Set<UUID> calls = live.computeIfAbsent(destination.target(), t -> ConcurrentHashMap.newKeySet());
        synchronized (calls) {
            if (!calls.isEmpty()) {
                doubleOffers.incrementAndGet();
            }
            calls.add(id);
        }
        Plan plan = plans.getOrDefault(destination.target(), Plan.ANSWER);
        switch (plan) {
            case ANSWER -> scheduler.schedule(() -> {
                if (!ended.contains(id)) {
                    publish(CallManagerEvents.CALL_ANSWERED, call(id, CallStatus.PROGRESSING, null));
                }
            }, answerDelayMs, TimeUnit.MILLISECONDS);
            case BUSY -> scheduler.schedule(() -> end(id, Call.HangupReason.BUSY), answerDelayMs, TimeUnit.MILLISECONDS);
            case NEVER -> scheduler.schedule(() -> end(id, Call.HangupReason.NOANSWER),
                    request.dialTimeoutMs() == null ? 30_000 : request.dialTimeoutMs(), TimeUnit.MILLISECONDS);
        }
        return call(id, CallStatus.DIALING, null);
    }

    private void end(UUID id, Call.HangupReason reason) {
        if (ended.add(id)) {
            Set<UUID> calls = live.get(targets.getOrDefault(id, ""));
            if (calls != null) {
                synchronized (calls) {
                    calls.remove(id);
                }
            }
            publish(CallManagerEvents.CALL_HUNGUP, call(id, CallStatus.HANGUP, reason));
        }
    }

    public String name(UUID id) {
        return targets.getOrDefault(id, id.toString());
    }

    private Call call(UUID id, CallStatus status, Call.HangupReason reason) {
        return new Call(id, customers.get(id), "asterisk-1", "ch-" + id, null, null, null, Call.Direction.OUTGOING,
                new Address(Address.AddressType.TEL, "+15550001111"),
                new Address(Address.AddressType.EXTENSION, targets.getOrDefault(id, "")), status, null, reason,
                Instant.now(), null, null, null, 0);
    }

    private void publish(String type, Object data) {
        publisher.send(exchange, new Event(type, "call-manager", Instant.now(), json.valueToTree(data)));
    }

    @Override
    public void close() {
        container.stop();
        scheduler.shutdownNow();
    }
}
