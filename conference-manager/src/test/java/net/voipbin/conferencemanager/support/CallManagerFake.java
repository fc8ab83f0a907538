package net.voipbin.conferencemanager.support;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.amqp.core.AcknowledgeMode;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.amqp.rabbit.listener.DirectMessageListenerContainer;

import jakarta.validation.Validation;
import net.voipbin.contract.callmanager.CallManagerEvents;
import net.voipbin.contract.callmanager.CallRequests;
import net.voipbin.contract.callmanager.Confbridge;
import net.voipbin.contract.callmanager.ConfbridgeMember;
import net.voipbin.contract.callmanager.ConfbridgeRequests;
import net.voipbin.contract.callmanager.Recording;
import net.voipbin.rpc.envelope.Event;
import net.voipbin.rpc.error.ApiException;
import net.voipbin.rpc.event.EventPublisher;
import net.voipbin.rpc.server.RpcEndpoint;
import net.voipbin.rpc.server.RpcResult;
import net.voipbin.rpc.server.RpcRouter;
import net.voipbin.rpc.server.RpcServer;
import net.voipbin.testsupport.TestInfra;
import tools.jackson.databind.json.JsonMapper;

/**
 * call-manager as conference-manager sees it: a real RPC server on call-manager's request queue serving the
 * confbridge routes, which publishes the {@code confbridge_*} and {@code call_hungup} events a real one would
 * once Asterisk has acted (the real pair, with asterisk-sim, runs in system-tests' ConferenceIT). It records
 * every command in order.
 */
public final class CallManagerFake implements AutoCloseable {

    public final List<String> commands = new CopyOnWriteArrayList<>();
    public final Set<UUID> hungUp = ConcurrentHashMap.newKeySet();
    private final Map<UUID, Room> rooms = new ConcurrentHashMap<>();
    private final DirectMessageListenerContainer container;
    private final EventPublisher publisher;
    private final JsonMapper json;
    private final String exchange;
    private volatile boolean autoJoin = true;

    private final Map<UUID, UUID> recordings = new ConcurrentHashMap<>();

    private record Room(UUID customerId, UUID conferenceId, Map<UUID, UUID> members) {
    }

    public CallManagerFake(ConnectionFactory connectionFactory, JsonMapper json, String queue, EventPublisher publisher,
            String exchange) {
        this.publisher = publisher;
        this.json = json;
        this.exchange = exchange;
        new RabbitAdmin(connectionFactory).declareQueue(new Queue(queue, true, false, false));
        TestInfra.rememberQueue(queue);
        RpcEndpoint routes = r -> r
                .post("/v1/confbridges", ConfbridgeRequests.Create.class, c -> {
                    UUID id = UUID.randomUUID();
                    rooms.put(id, new Room(c.body().customerId(), c.body().conferenceId(), new LinkedHashMap<>()));
                    commands.add("create " + id);
                    return RpcResult.created(room(id));
                })
                .post("/v1/confbridges/{id}/join", ConfbridgeRequests.Member.class, c -> join(c.pathUuid("id"), c.body()))
                .post("/v1/confbridges/{id}/kick", ConfbridgeRequests.Member.class, c -> {
                    commands.add("kick " + c.body().callId());
                    leave(c.pathUuid("id"), c.body().callId(), "kick");
                    return room(c.pathUuid("id"));
                })
                .post("/v1/confbridges/{id}/record_start", ConfbridgeRequests.RecordStart.class, c -> {
                    if (rooms.get(c.pathUuid("id")).members().isEmpty()) {
                        throw ApiException.conflict("confbridge_empty", "nobody in the room");
                    }
                    commands.add("record_start " + c.body().recordingId());
                    recordings.put(c.pathUuid("id"), c.body().recordingId());
                    return room(c.pathUuid("id"));
                })
                .post("/v1/confbridges/{id}/record_stop", ConfbridgeRequests.RecordStop.class, c -> {
                    commands.add("record_stop " + c.body().recordingId());
                    recordingFinished(c.pathUuid("id"));
                    return room(c.pathUuid("id"));
                })
                .post("/v1/confbridges/{id}/admit", c -> {
                    commands.add("admit");
                    return room(c.pathUuid("id"));
                })
                .post("/v1/confbridges/{id}/wait", c -> {
                    commands.add("wait");
                    return room(c.pathUuid("id"));
                })
                .delete("/v1/confbridges/{id}", c -> {
                    UUID id = c.pathUuid("id");
                    commands.add("delete " + id);
                    for (UUID call : new ArrayList<>(rooms.get(id).members().keySet())) {
                        leave(id, call, "kick");
                    }
                    recordingFinished(id);
                    publish(CallManagerEvents.CONFBRIDGE_DELETED, Map.of("id", id.toString(),
                            "conference_id", String.valueOf(rooms.get(id).conferenceId())));
                    return room(id);
                })
                .post("/v1/calls/{id}/mute", c -> {
                    commands.add("mute " + c.pathUuid("id"));
                    return Map.of("id", c.pathUuid("id").toString());
                })
                .post("/v1/calls/{id}/play", CallRequests.Play.class, c -> {
                    commands.add("play " + c.pathUuid("id") + " " + String.join(",", c.body().media()));
                    return Map.of("id", c.pathUuid("id").toString());
                })
                .post("/v1/calls/{id}/unmute", c -> {
                    commands.add("unmute " + c.pathUuid("id"));
                    return Map.of("id", c.pathUuid("id").toString());
                });
        RpcRouter router = new RpcRouter(List.of(routes), json, Validation.buildDefaultValidatorFactory().getValidator());
        container = new DirectMessageListenerContainer(connectionFactory);
        container.setQueueNames(queue);
        container.setAcknowledgeMode(AcknowledgeMode.AUTO);
        container.setDefaultRequeueRejected(false);
        container.setMessageListener(new RpcServer(router, json));
        container.start();
    }

    /** Joins are answered but nobody enters the bridge until {@link #enter} (a call still on its way). */
    public void holdJoins() {
        autoJoin = false;
    }

    /** The call's channel entered the room's bridge. */
    public void enter(UUID confbridgeId, UUID callId) {
        Room room = rooms.get(confbridgeId);
        UUID participant = room.members().get(callId);
        publish(CallManagerEvents.CONFBRIDGE_JOINED, new ConfbridgeMember(confbridgeId, room.conferenceId(),
                participant, room.customerId(), callId, room.members().size(), null));
    }

    /** The room's recording ended (Asterisk's {@code RecordingFinished}, e.g. its bridge emptied): {@code recording_finished}. */
    public void recordingFinished(UUID confbridgeId) {
        UUID recordingId = recordings.remove(confbridgeId);
        if (recordingId != null) {
            Room room = rooms.get(confbridgeId);
            publish(CallManagerEvents.RECORDING_FINISHED, new Recording(recordingId, room.customerId(), null,
                    recordingId.toString(), "wav", Recording.Status.DONE, 3, Instant.now(), Instant.now(), confbridgeId,
                    room.conferenceId()));
        }
    }

    /** The caller hangs up: out of every room it is in, then {@code call_hungup}. */
    public void hangup(UUID callId) {
        hungUp.add(callId);
        rooms.forEach((id, room) -> {
            if (room.members().containsKey(callId)) {
                leave(id, callId, "hangup");
            }
        });
        publish(CallManagerEvents.CALL_HUNGUP, Map.of("id", callId.toString(), "status", "hangup"));
    }

    private synchronized Confbridge join(UUID id, ConfbridgeRequests.Member member) {
        if (hungUp.contains(member.callId())) {
            throw ApiException.conflict("call_hungup", "call " + member.callId() + " has hung up");
        }
        commands.add("join " + member.callId() + (Boolean.TRUE.equals(member.waiting()) ? " waiting" : ""));
        rooms.get(id).members().put(member.callId(), member.participantId());
        if (autoJoin) {
            enter(id, member.callId());
        }
        return room(id);
    }

    private synchronized void leave(UUID id, UUID callId, String reason) {
        Room room = rooms.get(id);
        UUID participant = room.members().remove(callId);
        if (participant != null) {
            publish(CallManagerEvents.CONFBRIDGE_LEFT, new ConfbridgeMember(id, room.conferenceId(), participant,
                    room.customerId(), callId, room.members().size(), reason));
        }
    }

    private Confbridge room(UUID id) {
        Room room = rooms.get(id);
        return new Confbridge(id, room.customerId(), room.conferenceId(), id.toString(), "asterisk-1",
                Confbridge.Type.CONFERENCE, Confbridge.Status.ACTIVE, List.copyOf(room.members().keySet()),
                Instant.now(), Instant.now());
    }

    private void publish(String type, Object data) {
        publisher.send(exchange, new Event(type, "call-manager", Instant.now(), json.valueToTree(data)));
    }

    @Override
    public void close() {
        container.stop();
    }
}
