package net.voipbin.callmanager.ari;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import net.voipbin.callmanager.ari.AriChannel.MalformedAriEvent;
import net.voipbin.contract.asteriskproxy.AsteriskProxyEvents;
import net.voipbin.contract.asteriskproxy.ProxyConnected;
import net.voipbin.contract.asteriskproxy.ProxyDisconnected;
import net.voipbin.rpc.envelope.Event;
import net.voipbin.rpc.event.RawEventHandler;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * ARI event type → handler. Unknown types are ignored (an envelope type other than the proxy's with a log
 * line, since only a foreign publisher sends one); an event missing what its type needs is
 * logged and skipped (retrying would not make it whole). Anything else that fails is retried and
 * finally parked by the consumer.
 */
@Component
class AriEventRouter implements RawEventHandler {

    private static final Logger log = LoggerFactory.getLogger(AriEventRouter.class);

    private final ChannelEventHandler channels;
    private final BridgeEventHandler bridges;
    private final MediaEventHandler media;
    private final Reconciler reconciler;
    private final JsonMapper json;

    AriEventRouter(ChannelEventHandler channels, BridgeEventHandler bridges, MediaEventHandler media,
            Reconciler reconciler, JsonMapper json) {
        this.channels = channels;
        this.bridges = bridges;
        this.media = media;
        this.reconciler = reconciler;
        this.json = json;
    }

    @Override
    public void handle(Event event) {
        try {
            if (AsteriskProxyEvents.PROXY_CONNECTED.equals(event.type())) {
                reconciler.reconcile(json.treeToValue(event.data(), ProxyConnected.class), event.timestamp());
            } else if (AsteriskProxyEvents.PROXY_DISCONNECTED.equals(event.type())) {
                reconciler.disconnected(json.treeToValue(event.data(), ProxyDisconnected.class));
            } else if (AsteriskProxyEvents.ARI_EVENT.equals(event.type())) {
                ari(event);
            } else {
                log.info("{} event from {} ignored: not an ARI event", event.type(), event.publisher());
            }
        } catch (MalformedAriEvent | IllegalArgumentException | tools.jackson.core.JacksonException e) {
            log.warn("malformed {} skipped: {}", event.type(), e.getMessage());
        }
    }

    private void ari(Event event) {
        JsonNode data = event.data();
        if (data == null || !data.isObject()) {
            throw new MalformedAriEvent("ari_event without an object as data");
        }
        String asteriskId = event.asteriskId() != null ? event.asteriskId() : AriChannel.text(data, "asterisk_id");
        String type = AriChannel.text(data, "type");
        switch (type) {
            case "StasisStart" -> channels.stasisStart(asteriskId, AriChannel.of(data.get("channel")), data.path("args"));
            case "ChannelStateChange" -> channels.stateChange(asteriskId, AriChannel.of(data.get("channel")));
            case "ChannelDtmfReceived" -> channels.dtmf(AriChannel.of(data.get("channel")), required(data, "digit"),
                    data.path("duration_ms").asInt(0));
            case "ChannelHangupRequest" -> channels.hangupRequest(AriChannel.of(data.get("channel")),
                    data.path("cause").asInt(0), data.path("soft").asBoolean(false));
            case "StasisEnd" -> channels.stasisEnd(AriChannel.of(data.get("channel")));
            case "ChannelDestroyed" -> channels.destroyed(AriChannel.of(data.get("channel")), data.path("cause").asInt(0));
            case "ChannelEnteredBridge" -> bridges.entered(AriChannel.of(data.get("channel")), bridgeId(data));
            case "ChannelLeftBridge" -> bridges.left(asteriskId, AriChannel.of(data.get("channel")), bridgeId(data));
            case "BridgeDestroyed" -> bridges.destroyed(bridgeId(data));
            case "PlaybackFinished" -> media.playbackFinished(required(data.path("playback"), "id"),
                    AriChannel.text(data.path("playback"), "state"), targetChannel(data.path("playback")));
            case "RecordingStarted" -> media.recordingStarted(required(data.path("recording"), "name"));
            case "RecordingFinished", "RecordingFailed" -> media.recordingFinished(required(data.path("recording"), "name"),
                    data.path("recording").path("duration").asInt(0), "RecordingFinished".equals(type));
            case "" -> throw new MalformedAriEvent("ARI event without type");
            default -> log.trace("ARI {} ignored", type);
        }
    }

    /** The channel a playback plays to ({@code target_uri} "channel:<id>"), or "" for a bridge. */
    private static String targetChannel(JsonNode playback) {
        String target = AriChannel.text(playback, "target_uri");
        return target.startsWith("channel:") ? target.substring("channel:".length()) : "";
    }

    private static String bridgeId(JsonNode data) {
        return required(data.path("bridge"), "id");
    }

    private static String required(JsonNode node, String field) {
        String value = AriChannel.text(node, field);
        if (value.isEmpty()) {
            throw new MalformedAriEvent("missing " + field);
        }
        return value;
    }
}
