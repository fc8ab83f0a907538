package net.voipbin.fakecallmanager;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import net.voipbin.contract.callmanager.Address;
import net.voipbin.contract.callmanager.Call;
import net.voipbin.contract.callmanager.CallManagerEvents;
import net.voipbin.contract.callmanager.CallOperationFinished;
import net.voipbin.contract.callmanager.CallStatus;
import net.voipbin.contract.flowmanager.FlowManagerEvents;
import net.voipbin.rpc.envelope.Event;
import net.voipbin.rpc.event.EventPublisher;
import net.voipbin.rpc.event.EventSubscriber;
import net.voipbin.rpc.event.EventSubscriptions;
import net.voipbin.rpc.server.RpcEndpoint;
import net.voipbin.rpc.server.RpcRoutes;
import tools.jackson.databind.JsonNode;

/**
 * Serves call-manager's call routes: records each command, answers with the call, and finishes long
 * operations at once with {@code call_operation_finished} (digits as scripted per call) unless the
 * call's operation is held, in which case the test finishes it or hangs the call up itself. Also
 * records flow-manager's activeflow events as call-manager would consume them. A hangup command is
 * followed by {@code call_hungup}, as the real call-manager does once the channel is gone.
 */
public class CallManagerResponder implements RpcEndpoint, EventSubscriber {

    public record Command(UUID callId, String operation, JsonNode body) {
    }

    public final List<Command> commands = Collections.synchronizedList(new ArrayList<>());
    public final List<Event> flowEvents = Collections.synchronizedList(new ArrayList<>());
    public final Map<UUID, String> digits = new ConcurrentHashMap<>();
    public final Set<String> heldOperations = ConcurrentHashMap.newKeySet();

    private final EventPublisher publisher;

    public CallManagerResponder(EventPublisher publisher) {
        this.publisher = publisher;
    }

    @Override
    public void routes(RpcRoutes r) {
        r.post("/v1/calls", JsonNode.class, call -> dial(call.body()))
                .post("/v1/calls/{id}/answer", call -> command(call.pathUuid("id"), "answer", null))
                .post("/v1/calls/{id}/record_stop", call -> command(call.pathUuid("id"), "record_stop", null))
                .post("/v1/calls/{id}/{operation}", JsonNode.class,
                        call -> command(call.pathUuid("id"), call.path("operation"), call.body()));
    }

    @Override
    public void subscriptions(EventSubscriptions s) {
        for (String type : List.of(FlowManagerEvents.ACTIVEFLOW_CREATED, FlowManagerEvents.ACTIVEFLOW_UPDATED,
                FlowManagerEvents.ACTIVEFLOW_DELETED)) {
            s.onEvent(FlowManagerEvents.PUBLISHER, type, flowEvents::add);
        }
    }

    public List<String> operations(UUID callId) {
        synchronized (commands) {
            return commands.stream().filter(c -> c.callId().equals(callId)).map(Command::operation).toList();
        }
    }

    public List<Command> commands(UUID callId) {
        synchronized (commands) {
            return commands.stream().filter(c -> c.callId().equals(callId)).toList();
        }
    }

    /** Finishes the call's last long operation now (DONE). */
    public void finishLast(UUID callId) {
        finishLast(callId, CallOperationFinished.Result.DONE);
    }

    public void finishLast(UUID callId, CallOperationFinished.Result result) {
        Command last = commands(callId).getLast();
        finish(callId, last.operation(), last.body().path("operation_id").asString(), result);
    }

    public void answered(UUID callId) {
        publisher.publish(CallManagerEvents.CALL_ANSWERED, call(callId, CallStatus.PROGRESSING));
    }

    /** The calls originated so far (one "dial" command per destination, under the new call's id). */
    public List<UUID> dialed() {
        synchronized (commands) {
            return commands.stream().filter(c -> c.operation().equals("dial")).map(Command::callId).toList();
        }
    }

    private List<Call> dial(JsonNode body) {
        List<Call> created = new ArrayList<>();
        for (int i = 0; i < body.path("destinations").size(); i++) {
            UUID id = UUID.randomUUID();
            commands.add(new Command(id, "dial", body));
            created.add(call(id, CallStatus.DIALING));
        }
        return created;
    }

    public void hangup(UUID callId) {
        publisher.publish(CallManagerEvents.CALL_HUNGUP, call(callId, CallStatus.HANGUP));
    }

    /** A transfer of {@code transfereeId} completed: it talks with the target now. */
    public void transferred(UUID transfereeId) {
        publisher.publish(CallManagerEvents.TRANSFER_COMPLETED, java.util.Map.of("id", UUID.randomUUID().toString(),
                "transferee_call_id", transfereeId.toString(), "status", "completed"));
    }

    /**
     * A transfer of {@code transfereeId} completed and moves it on to {@code flowId}, as activeflow
     * {@code activeflowId} (call-manager's {@code transfer_completed} with those fields).
     */
    public void transferred(UUID transferId, UUID customerId, UUID transfereeId, UUID targetId, UUID flowId,
            UUID activeflowId) {
        publisher.publish(CallManagerEvents.TRANSFER_COMPLETED, java.util.Map.of("id", transferId.toString(),
                "customer_id", customerId.toString(), "transferee_call_id", transfereeId.toString(),
                "target_call_id", targetId.toString(), "status", "completed", "flow_id", flowId.toString(),
                "activeflow_id", activeflowId.toString()));
    }

    private Call command(UUID callId, String operation, JsonNode body) {
        commands.add(new Command(callId, operation, body));
        String operationId = body == null ? "" : body.path("operation_id").asString("");
        boolean longOperation = List.of("play", "talk", "digits_receive").contains(operation);
        if (longOperation && !heldOperations.contains(operation)) {
            // Published before the RPC answer goes back: the event may well overtake it.
            finish(callId, operation, operationId);
        }
        if (operation.equals("hangup")) {
            hangup(callId);
        }
        return call(callId, CallStatus.PROGRESSING);
    }

    private void finish(UUID callId, String operation, String operationId) {
        finish(callId, operation, operationId, CallOperationFinished.Result.DONE);
    }

    private void finish(UUID callId, String operation, String operationId, CallOperationFinished.Result result) {
        String collected = operation.equals("digits_receive") ? digits.getOrDefault(callId, "") : "";
        publisher.publish(CallManagerEvents.CALL_OPERATION_FINISHED, new CallOperationFinished(callId, null, null,
                operationId, CallOperationFinished.Operation.valueOf(operation.toUpperCase(java.util.Locale.ROOT)),
                result, collected));
    }

    private static Call call(UUID callId, CallStatus status) {
        Instant now = Instant.now();
        return new Call(callId, null, "asterisk-1", "channel-" + callId, null, null, null, Call.Direction.INCOMING,
                Address.tel("+15550001"), Address.tel("+15550100"), status, null, null, now, now, now,
                status == CallStatus.HANGUP ? now : null, 0);
    }
}
