package net.voipbin.asterisksim;

import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import tools.jackson.databind.node.ObjectNode;

/**
 * Channels the app creates: originate (the far end answers, is busy, does not answer or fails after
 * the delay a test chose) and externalMedia (AudioSocket or RTP, straight into the app; an AudioSocket
 * channel connects to its host, see {@link AudioSocketMedia}).
 */
final class OriginateOps {

    /** What the far end of an originate does, and after how long (simulated). */
    record Plan(OriginateOutcome outcome, Duration delay) {
    }

    private final World world;
    private final Hangups hangups;
    private final AudioSocketMedia audioSockets;
    private final Map<String, Plan> plans = new LinkedHashMap<>();
    private Plan defaultPlan;

    OriginateOps(World world, Hangups hangups, AudioSocketMedia audioSockets) {
        this.world = world;
        this.hangups = hangups;
        this.audioSockets = audioSockets;
        this.defaultPlan = new Plan(OriginateOutcome.ANSWERED, world.config.originateDelay());
    }

    /** Originates whose endpoint contains {@code match} get this plan; {@code null} match sets the default. */
    void plan(String match, OriginateOutcome outcome, Duration delay) {
        if (match == null || match.isEmpty()) {
            defaultPlan = new Plan(outcome, delay);
        } else {
            plans.put(match, new Plan(outcome, delay));
        }
    }

    ObjectNode originate(AriRequest request, String channelId) {
        String endpoint = request.param("endpoint");
        if (endpoint == null || endpoint.isBlank() || !endpoint.contains("/")) {
            throw new AriError(400, "Endpoint must be specified");
        }
        String id = channelId != null ? channelId : request.param("channelId");
        id = id == null || id.isBlank() ? world.nextUniqueId() : id;
        if (world.channels.containsKey(id)) {
            throw new AriError(409, "Channel with given unique ID already exists");
        }
        String dialstring = endpoint.substring(endpoint.indexOf('/') + 1);
        SimChannel channel = new SimChannel(id, channelName(endpoint, dialstring), UUID.randomUUID().toString(),
                "Down", world.clock.instant()).dialplan("from-trunk", "s", "AppDial2", "(Outgoing Line)");
        String number = callerIdNumber(request.param("callerId"));
        channel.callerNumber = number;
        channel.connectedNumber = number;
        world.channels.put(id, channel);
        ObjectNode response = channel.toJson();
        world.emit(world.events.dial(channel, dialstring, ""));
        List<String> args = splitArgs(request.param("appArgs"));
        Plan plan = planFor(endpoint);
        world.afterMillis(0, () -> ringing(channel));
        channel.pending = world.after(plan.delay(), () -> outcome(channel, dialstring, plan.outcome(), args));
        return response;
    }

    ObjectNode externalMedia(AriRequest request) {
        String host = request.required("external_host");
        String format = request.required("format");
        String encapsulation = request.params().getOrDefault("encapsulation", "rtp");
        String data = request.params().getOrDefault("data", "");
        String id = request.param("channelId");
        id = id == null || id.isBlank() ? world.nextUniqueId() : id;
        if (world.channels.containsKey(id)) {
            throw new AriError(409, "Channel with given unique ID already exists");
        }
        boolean audiosocket = "audiosocket".equals(encapsulation);
        String name = audiosocket ? "AudioSocket/" + host + "-" + data
                : String.format("UnicastRTP/%s-0x%08x", host, world.nextSequence());
        List<String> args = audiosocket && !data.isEmpty() ? List.of(data) : List.of();
        SimChannel channel = new SimChannel(id, name, "", "Up", world.clock.instant())
                .dialplan("default", "s", "Stasis", appData(args));
        channel.inStasis = true;
        channel.mediaFormat = format;
        world.channels.put(id, channel);
        world.emit(world.events.stasisStart(channel, args));
        if (audiosocket) {
            audioSockets.open(channel, host, data);
        }
        return channel.toJson();
    }

    private void ringing(SimChannel channel) {
        if (world.channels.get(channel.id) == channel && "Down".equals(channel.state)) {
            channel.state = "Ringing";
            world.emit(world.events.channel("ChannelStateChange", channel));
        }
    }

    private void outcome(SimChannel channel, String dialstring, OriginateOutcome outcome, List<String> args) {
        if (world.channels.get(channel.id) != channel) {
            return;
        }
        channel.pending = null;
        world.emit(world.events.dial(channel, dialstring, outcome.dialStatus()));
        if (outcome != OriginateOutcome.ANSWERED) {
            hangups.unanswered(channel, outcome.cause());
            return;
        }
        channel.state = "Up";
        world.emit(world.events.channel("ChannelStateChange", channel));
        channel.dialplan(channel.context, channel.exten, "Stasis", appData(args));
        channel.inStasis = true;
        world.emit(world.events.stasisStart(channel, args));
    }

    private Plan planFor(String endpoint) {
        return plans.entrySet().stream()
                .filter(entry -> endpoint.contains(entry.getKey()))
                .map(Map.Entry::getValue)
                .findFirst()
                .orElse(defaultPlan);
    }

    private String channelName(String endpoint, String dialstring) {
        String technology = endpoint.substring(0, endpoint.indexOf('/'));
        int at = dialstring.indexOf('@');
        String device = at < 0 ? dialstring : dialstring.substring(at + 1);
        return String.format("%s/%s-%08x", technology, device, world.nextSequence());
    }

    private String appData(List<String> args) {
        return args.isEmpty() ? world.config.app() : world.config.app() + "," + String.join(",", args);
    }

    private static List<String> splitArgs(String appArgs) {
        return appArgs == null || appArgs.isEmpty() ? List.of() : Arrays.asList(appArgs.split(","));
    }

    /** {@code "Alice" <5551234>} or a bare number. */
    private static String callerIdNumber(String callerId) {
        if (callerId == null) {
            return "";
        }
        int open = callerId.indexOf('<');
        int close = callerId.indexOf('>');
        return open >= 0 && close > open ? callerId.substring(open + 1, close) : callerId.trim();
    }
}
