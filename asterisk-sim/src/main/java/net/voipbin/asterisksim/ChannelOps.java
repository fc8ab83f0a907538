package net.voipbin.asterisksim;

import java.util.List;
import java.util.UUID;

import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Channel operations: the caller's side (inbound call, digits, hangup) and the app's REST commands. */
final class ChannelOps {

    private final World world;
    private final Hangups hangups;

    ChannelOps(World world, Hangups hangups) {
        this.world = world;
        this.hangups = hangups;
    }

    /** A SIP call dialing {@code dialed} enters the app: {@code StasisStart} in state Ring. */
    String inbound(String caller, String dialed) {
        String name = String.format("PJSIP/trunk-%08x", world.nextSequence());
        SimChannel channel = new SimChannel(world.nextUniqueId(), name, UUID.randomUUID() + "@127.0.0.1", "Ring",
                world.clock.instant()).dialplan("from-trunk", dialed, "Stasis", world.config.app());
        channel.callerNumber = caller;
        channel.inStasis = true;
        world.channels.put(channel.id, channel);
        world.emit(world.events.stasisStart(channel, List.of()));
        return channel.id;
    }

    void pressDigits(String channelId, String digits) {
        SimChannel channel = world.channel(channelId);
        for (char digit : digits.toCharArray()) {
            if ("0123456789*#ABCD".indexOf(digit) < 0) {
                throw new IllegalArgumentException("not a DTMF digit: " + digit);
            }
            world.emit(world.events.dtmf(channel, digit, 100));
        }
    }

    void callerHangup(String channelId) {
        hangups.remote(world.channel(channelId), 16);
    }

    ArrayNode list() {
        ArrayNode list = AriJson.MAPPER.createArrayNode();
        world.channels.values().forEach(channel -> list.add(channel.toJson()));
        return list;
    }

    ObjectNode get(String id) {
        return world.channel(id).toJson();
    }

    void hangup(String id, String reason, String reasonCode) {
        SimChannel channel = world.channel(id);
        int cause = 16;
        if (reasonCode != null && !reasonCode.isBlank()) {
            cause = Integer.parseInt(reasonCode);
        } else if (reason != null && !reason.isBlank()) {
            cause = HangupCauses.forReason(reason)
                    .orElseThrow(() -> new AriError(400, "Invalid reason for hangup provided"));
        }
        hangups.byApplication(channel, cause);
    }

    void answer(String id) {
        changeState(world.stasisChannel(id), "Up");
    }

    void ring(String id) {
        SimChannel channel = world.stasisChannel(id);
        if (!"Up".equals(channel.state)) {
            changeState(channel, "Ringing");
        }
    }

    void hold(String id, boolean on) {
        SimChannel channel = world.stasisChannel(id);
        channel.onHold = on;
        world.emit(world.events.channel(on ? "ChannelHold" : "ChannelUnhold", channel));
    }

    /** Mute, music on hold, sending DTMF: accepted, audible only to the far end, no event. */
    void acceptMediaCommand(String id) {
        world.stasisChannel(id);
    }

    void setVariable(String id, String variable, String value) {
        SimChannel channel = world.stasisChannel(id);
        if (variable == null || variable.isBlank()) {
            throw new AriError(400, "Variable name is required");
        }
        String v = value == null ? "" : value;
        switch (variable) {
            case "CALLERID(num)" -> callerId(channel, channel.callerName, v);
            case "CALLERID(name)" -> callerId(channel, v, channel.callerNumber);
            case "CONNECTEDLINE(num)" -> connected(channel, channel.connectedName, v);
            case "CONNECTEDLINE(name)" -> connected(channel, v, channel.connectedNumber);
            default -> {
                channel.variables.put(variable, v);
                world.emit(world.events.varset(channel, variable, v));
            }
        }
    }

    ObjectNode getVariable(String id, String variable) {
        SimChannel channel = world.stasisChannel(id);
        if (variable == null || variable.isBlank()) {
            throw new AriError(400, "Variable name is required");
        }
        String value = channel.variables.get(variable);
        if (value == null) {
            throw new AriError(404, "Provided variable was not found");
        }
        return AriJson.object().put("value", value);
    }

    /** The far end is sent a 302 and hangs up, after the 204. */
    void redirect(String id, String endpoint) {
        SimChannel channel = world.stasisChannel(id);
        if (endpoint == null || endpoint.isBlank()) {
            throw AriError.missing("endpoint");
        }
        world.afterMillis(0, () -> {
            if (world.channels.containsKey(channel.id)) {
                hangups.remote(channel, 16);
            }
        });
    }

    /** Leaves the app into the dialplan; the simulator has no dialplan, so the next app is Hangup(). */
    void continueInDialplan(String id) {
        SimChannel channel = world.stasisChannel(id);
        world.afterMillis(0, () -> {
            if (!world.channels.containsKey(channel.id)) {
                return;
            }
            channel.inStasis = false;
            world.emit(world.events.channel("StasisEnd", channel));
            channel.priority++;
            channel.appName = "Hangup";
            channel.appData = "";
            world.emit(world.events.dialplan(channel, "Hangup", ""));
            hangups.byDialplan(channel, 16);
        });
    }

    private void changeState(SimChannel channel, String state) {
        if (!state.equals(channel.state)) {
            channel.state = state;
            world.emit(world.events.channel("ChannelStateChange", channel));
        }
    }

    private void callerId(SimChannel channel, String name, String number) {
        channel.callerName = name;
        channel.callerNumber = number;
        world.emit(world.events.callerId(channel));
    }

    private void connected(SimChannel channel, String name, String number) {
        channel.connectedName = name;
        channel.connectedNumber = number;
        world.emit(world.events.channel("ChannelConnectedLine", channel));
    }
}
