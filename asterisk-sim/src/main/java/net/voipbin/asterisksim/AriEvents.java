package net.voipbin.asterisksim;

import java.time.Clock;
import java.util.List;

import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Builds ARI events field for field as Asterisk 22 writes them, including its key order: the
 * event-specific fields Asterisk adds with its blob come first for ChannelHangupRequest and
 * ChannelVarset, after {@code type}/{@code timestamp} for the rest; {@code asterisk_id} and
 * {@code application} close every event.
 */
final class AriEvents {

    private final Clock clock;
    private final String asteriskId;
    private final String app;

    AriEvents(Clock clock, String asteriskId, String app) {
        this.clock = clock;
        this.asteriskId = asteriskId;
        this.app = app;
    }

    ObjectNode stasisStart(SimChannel channel, List<String> args) {
        ObjectNode event = head(AriJson.object(), "StasisStart");
        ArrayNode array = event.putArray("args");
        args.forEach(array::add);
        return channelEvent(event, channel);
    }

    ObjectNode channel(String type, SimChannel channel) {
        return channelEvent(head(AriJson.object(), type), channel);
    }

    ObjectNode dtmf(SimChannel channel, char digit, int durationMs) {
        ObjectNode event = head(AriJson.object(), "ChannelDtmfReceived");
        event.put("digit", String.valueOf(digit));
        event.put("duration_ms", durationMs);
        return channelEvent(event, channel);
    }

    /** {@code soft} hangups carry the soft-hangup flag as cause (32 for an ARI DELETE), as Asterisk does. */
    ObjectNode hangupRequest(SimChannel channel, int cause, boolean soft) {
        ObjectNode event = AriJson.object().put("cause", cause);
        if (soft) {
            event.put("soft", true);
        }
        return channelEvent(head(event, "ChannelHangupRequest"), channel);
    }

    ObjectNode destroyed(SimChannel channel, int cause) {
        ObjectNode event = head(AriJson.object(), "ChannelDestroyed");
        event.put("cause", cause);
        event.put("cause_txt", HangupCauses.text(cause));
        return channelEvent(event, channel);
    }

    ObjectNode varset(SimChannel channel, String variable, String value) {
        ObjectNode event = AriJson.object().put("variable", variable).put("value", value);
        return channelEvent(head(event, "ChannelVarset"), channel);
    }

    ObjectNode callerId(SimChannel channel) {
        ObjectNode event = head(AriJson.object(), "ChannelCallerId");
        event.put("caller_presentation", 0);
        event.put("caller_presentation_txt", "Presentation Allowed, Not Screened");
        return channelEvent(event, channel);
    }

    ObjectNode dialplan(SimChannel channel, String dialplanApp, String dialplanAppData) {
        ObjectNode event = head(AriJson.object(), "ChannelDialplan");
        event.put("dialplan_app", dialplanApp);
        event.put("dialplan_app_data", dialplanAppData);
        return channelEvent(event, channel);
    }

    ObjectNode dial(SimChannel peer, String dialstring, String dialstatus) {
        ObjectNode event = head(AriJson.object(), "Dial");
        event.put("dialstatus", dialstatus);
        event.put("forward", "");
        event.put("dialstring", dialstring);
        event.set("peer", peer.toJson());
        return tail(event);
    }

    ObjectNode bridge(String type, SimBridge bridge, SimChannel channel) {
        ObjectNode event = head(AriJson.object(), type);
        event.set("bridge", bridge.toJson());
        return channel == null ? tail(event) : channelEvent(event, channel);
    }

    ObjectNode playback(String type, SimPlayback playback) {
        ObjectNode event = head(AriJson.object(), type);
        event.set("playback", playback.toJson());
        return tail(event);
    }

    ObjectNode recording(String type, SimRecording recording) {
        ObjectNode event = head(AriJson.object(), type);
        event.set("recording", recording.toJson());
        return tail(event);
    }

    private ObjectNode head(ObjectNode event, String type) {
        event.put("type", type);
        event.put("timestamp", AriJson.timestamp(clock.instant()));
        return event;
    }

    private ObjectNode channelEvent(ObjectNode event, SimChannel channel) {
        event.set("channel", channel.toJson());
        return tail(event);
    }

    private ObjectNode tail(ObjectNode event) {
        event.put("asterisk_id", asteriskId);
        event.put("application", app);
        return event;
    }
}
