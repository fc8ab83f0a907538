package net.voipbin.callmanager.confbridge;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import net.voipbin.callmanager.asterisk.AriCommands;
import net.voipbin.callmanager.call.CallRow;
import net.voipbin.callmanager.call.CallService;
import net.voipbin.contract.callmanager.CallManagerEvents;
import net.voipbin.contract.callmanager.Confbridge;
import net.voipbin.contract.callmanager.ConfbridgeMember;
import net.voipbin.rpc.error.ApiException;
import net.voipbin.rpc.event.EventPublisher;

/**
 * Bridge-backed rooms (conference, queue connect). The ARI bridge is created on the first join, on that
 * call's Asterisk. Membership follows the bridge events ({@code ChannelEnteredBridge} → joined,
 * {@code ChannelLeftBridge} → left), not the commands, so it is what Asterisk really did. A member may wait in
 * the room's holding bridge instead ({@link ConfbridgeWaiting}); it is a member all the same.
 */
@Service
public class ConfbridgeService {

    private static final Logger log = LoggerFactory.getLogger(ConfbridgeService.class);

    private final ConfbridgeRepository confbridges;
    private final CallService calls;
    private final AriCommands ari;
    private final EventPublisher events;
    private final TransactionTemplate tx;
    private final ConfbridgeWaiting waiting;

    ConfbridgeService(ConfbridgeRepository confbridges, CallService calls, AriCommands ari, EventPublisher events,
            TransactionTemplate tx, ConfbridgeWaiting waiting) {
        this.waiting = waiting;
        this.confbridges = confbridges;
        this.calls = calls;
        this.ari = ari;
        this.events = events;
        this.tx = tx;
    }

    public Confbridge create(UUID customerId, Confbridge.Type type, UUID conferenceId) {
        UUID id = UUID.randomUUID();
        return tx.execute(s -> {
            confbridges.insert(id, customerId, conferenceId, id.toString(),
                    type == null ? Confbridge.Type.CONFERENCE : type);
            Confbridge created = confbridges.find(id).orElseThrow();
            events.publish(CallManagerEvents.CONFBRIDGE_CREATED, created);
            return created;
        });
    }

    public Confbridge get(UUID id) {
        return confbridges.find(id).orElseThrow(() -> ApiException.notFound("confbridge " + id));
    }

    /** {@code wait}: into the room's holding bridge (music on hold, nobody else heard) instead of the mix. */
    public Confbridge join(UUID id, UUID callId, UUID participantId, boolean wait) {
        Confbridge room = active(id);
        CallRow call = calls.live(callId);
        if (!room.customerId().equals(call.customerId())) {
            throw ApiException.notFound("call " + callId);
        }
        if (participantId != null) {
            confbridges.expect(id, callId, participantId);
        }
        if (confbridges.claimAsterisk(id, call.asteriskId())) {
            ari.createBridge(call.asteriskId(), room.bridgeId(), "confbridge-" + id);
        }
        String bridge = wait ? waiting.holdingBridge(id, call.asteriskId()) : room.bridgeId();
        ari.addToBridge(call.asteriskId(), bridge, call.channelId());
        return get(id);
    }

    /** Every member waiting in the holding bridge into the mix (a moderator came). */
    public Confbridge admit(UUID id) {
        waiting.admit(active(id));
        return get(id);
    }

    /** Every member of the mix back to the holding bridge (the last moderator left). */
    public Confbridge sendToWaiting(UUID id) {
        waiting.sendToWaiting(active(id));
        return get(id);
    }

    public Confbridge kick(UUID id, UUID callId) {
        Confbridge room = active(id);
        CallRow call = calls.get(callId);
        String bridge = confbridges.holdingBridge(id).filter(h -> h.equals(call.bridgeId())).orElse(room.bridgeId());
        ari.removeFromBridge(call.asteriskId(), bridge, call.channelId());
        return get(id);
    }

    public Confbridge delete(UUID id) {
        Confbridge room = get(id);
        if (room.asteriskId() != null && room.status() == Confbridge.Status.ACTIVE) {
            try {
                ari.destroyBridge(room.asteriskId(), room.bridgeId());
            } catch (ApiException e) {
                log.info("confbridge {}: bridge already gone ({})", id, e.getMessage());
            }
        }
        bridgeDestroyed(room.bridgeId());
        if (room.asteriskId() != null) {
            confbridges.holdingBridge(id).ifPresent(holding -> waiting.destroy(room.asteriskId(), holding));
        }
        return get(id);
    }

    /**
     * The bridge's last channel left. A conference's room (made for conference-manager) has its empty ARI
     * bridge destroyed (Asterisk would keep it forever) while the room stays active; the next join makes a
     * new bridge. Other rooms keep their bridge until deleted: a transfer moves their calls out and back.
     * True when the bridge was a room's.
     */
    public boolean emptied(String asteriskId, String bridgeId) {
        return confbridges.byBridge(bridgeId).map(room -> {
            if (room.conferenceId() == null || room.status() != Confbridge.Status.ACTIVE
                    || !confbridges.members(room.id()).isEmpty()) {
                return true;
            }
            Optional<String> holding = confbridges.holdingBridge(room.id());
            if (confbridges.release(room.id(), room.bridgeId(), UUID.randomUUID().toString())) {
                waiting.destroy(asteriskId, room.bridgeId());
                holding.ifPresent(h -> waiting.destroy(asteriskId, h));
                log.info("confbridge {}: bridge {} destroyed, the room is empty", room.id(), room.bridgeId());
            }
            return true;
        }).orElse(false);
    }

    /** Whether the bridge is a conference room (whose members come and go on their own). */
    public boolean isConference(String bridgeId) {
        return confbridges.byBridge(bridgeId).filter(room -> room.type() == Confbridge.Type.CONFERENCE).isPresent();
    }

    /** A member entering the room's other bridge (admitted, or sent back to waiting) has only moved. */
    public void entered(String bridgeId, UUID callId) {
        tx.executeWithoutResult(s -> confbridges.byBridge(bridgeId).ifPresent(room -> {
            if (confbridges.isMember(room.id(), callId)) {
                confbridges.moving(room.id(), callId, false);
                return;
            }
            confbridges.join(room.id(), callId);
            member(CallManagerEvents.CONFBRIDGE_JOINED, room.id(), callId, null);
        }));
    }

    /** A member moving to the room's other bridge has not left it, unless it is hanging up. */
    public void left(String bridgeId, UUID callId, String reason) {
        tx.executeWithoutResult(s -> confbridges.byBridge(bridgeId)
                .filter(room -> "hangup".equals(reason) || !confbridges.isMoving(room.id(), callId))
                .filter(room -> confbridges.leave(room.id(), callId))
                .ifPresent(room -> member(CallManagerEvents.CONFBRIDGE_LEFT, room.id(), callId, reason)));
    }

    /**
     * The room is over: whoever was still in it has left (kicked, as far as they are concerned), each
     * told with {@code confbridge_left}, then {@code confbridge_deleted}.
     */
    public void bridgeDestroyed(String bridgeId) {
        tx.executeWithoutResult(s -> confbridges.byBridge(bridgeId).ifPresent(room -> {
            List<UUID> remaining = confbridges.members(room.id());
            if (!confbridges.terminate(room.id())) {
                return;
            }
            for (int i = 0; i < remaining.size(); i++) {
                UUID callId = remaining.get(i);
                events.publish(CallManagerEvents.CONFBRIDGE_LEFT, new ConfbridgeMember(room.id(), room.conferenceId(),
                        confbridges.participant(room.id(), callId), room.customerId(), callId,
                        remaining.size() - i - 1, "kick"));
            }
            events.publish(CallManagerEvents.CONFBRIDGE_DELETED, get(room.id()));
        }));
    }

    private void member(String type, UUID id, UUID callId, String reason) {
        Confbridge room = get(id);
        events.publish(type, new ConfbridgeMember(id, room.conferenceId(), confbridges.participant(id, callId),
                room.customerId(), callId, room.callIds().size(), reason));
    }

    private Confbridge active(UUID id) {
        Confbridge room = get(id);
        if (room.status() != Confbridge.Status.ACTIVE) {
            throw ApiException.conflict("confbridge_terminated", "confbridge " + id + " is terminated");
        }
        return room;
    }
}
