package net.voipbin.pipecatmanager.session;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import net.voipbin.asterisksim.AsteriskSim;
import net.voipbin.contract.callmanager.CallManagerEvents;
import net.voipbin.contract.callmanager.ExternalMedia;
import net.voipbin.contract.callmanager.ExternalMediaCreate;
import net.voipbin.rpc.envelope.Event;
import net.voipbin.rpc.error.ApiException;
import net.voipbin.rpc.event.EventPublisher;
import tools.jackson.databind.json.JsonMapper;

/**
 * call-manager's ARI side of an AI call, in asterisk-sim: an answered inbound caller, external media
 * the way call-manager's ExternalMediaService and CallBridges send it (an externalMedia channel, the
 * {@code call-<id>} mixing bridge holding the caller, the channel added to it), and the caller hanging
 * up followed by the {@code call_hungup} call-manager publishes.
 */
final class SimCallManager implements CallManagerResponder.Media {

    /** call-manager's accepted formats; anything else is its 400 naming {@code format}. */
    private static final Set<String> FORMATS = Set.of("slin", "slin16", "slin24", "slin48", "ulaw", "alaw", "g722");

    private final AsteriskSim sim;
    private final HttpClient http = HttpClient.newHttpClient();
    private final String authorization;
    private final Map<String, String> callers = new ConcurrentHashMap<>();
    private final Map<String, String> bridges = new ConcurrentHashMap<>();
    final List<String> mediaChannels = new CopyOnWriteArrayList<>();

    SimCallManager(AsteriskSim sim) {
        this.sim = sim;
        this.authorization = "Basic " + Base64.getEncoder().encodeToString(
                (sim.config().user() + ":" + sim.config().password()).getBytes(StandardCharsets.UTF_8));
    }

    /** A caller dials in and is answered; {@code callId} is its call. Returns the caller's channel. */
    String answeredCaller(UUID callId) {
        String channel = sim.placeInboundCall("+15550100", "1000");
        ari("/ari/channels/" + channel + "/answer");
        callers.put(callId.toString(), channel);
        return channel;
    }

    @Override
    public ExternalMedia attach(String callId, ExternalMediaCreate request) {
        if (!FORMATS.contains(request.format())) {
            throw ApiException.invalidField("format", "not a format this Asterisk can stream: " + request.format());
        }
        String channel = UUID.randomUUID().toString();
        ari("/ari/channels/externalMedia?app=voipbin&channelId=" + channel + "&external_host=" + request.externalHost()
                + "&format=" + request.format() + "&encapsulation=audiosocket&transport=tcp&connection_type=client"
                + "&direction=both&data=" + request.data());
        String bridge = bridges.computeIfAbsent(callId, id -> {
            String created = UUID.randomUUID().toString();
            ari("/ari/bridges/" + created + "?type=mixing&name=call-" + id);
            ari("/ari/bridges/" + created + "/addChannel?channel=" + callers.get(id));
            return created;
        });
        ari("/ari/bridges/" + bridge + "/addChannel?channel=" + channel);
        mediaChannels.add(channel);
        return new ExternalMedia(UUID.fromString(callId), channel, request.externalHost(), request.format());
    }

    /** The caller hangs up; call-manager, seeing the channel end, publishes call_hungup. */
    void callerHangsUp(UUID callId, EventPublisher events, String exchange, JsonMapper json) {
        sim.hangupFromCaller(callers.get(callId.toString()));
        events.send(exchange, new Event(CallManagerEvents.CALL_HUNGUP, CallManagerEvents.PUBLISHER, Instant.now(),
                json.createObjectNode().put("id", callId.toString()).put("status", "hangup")));
    }

    /** The channels in the call's {@code call-<id>} bridge now (Asterisk's view). */
    List<String> bridgeChannels(UUID callId) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(sim.baseUrl() + "/ari/bridges/" + bridges.get(callId.toString())))
                .header("Authorization", authorization).GET().build();
        try {
            String body = http.send(request, HttpResponse.BodyHandlers.ofString()).body();
            List<String> ids = new java.util.ArrayList<>();
            new JsonMapper().readTree(body).path("channels").forEach(id -> ids.add(id.asString()));
            return ids;
        } catch (java.io.IOException | InterruptedException e) {
            throw new IllegalStateException("ARI bridge of call " + callId + " not read", e);
        }
    }

    private void ari(String pathAndQuery) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(sim.baseUrl() + pathAndQuery))
                .header("Authorization", authorization).POST(HttpRequest.BodyPublishers.noBody()).build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                // As call-manager's AriCommands answers: Asterisk's status, code ari_error.
                throw new ApiException(response.statusCode(), "ari_error",
                        "ARI POST " + pathAndQuery + " answered " + response.statusCode() + ": " + response.body());
            }
        } catch (java.io.IOException | InterruptedException e) {
            throw new IllegalStateException("ARI " + pathAndQuery + " failed", e);
        }
    }
}
