package net.voipbin.callmanager.asterisk;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import net.voipbin.rpc.client.RpcClient;
import net.voipbin.rpc.envelope.RpcResponse;
import net.voipbin.rpc.error.ApiException;
import net.voipbin.rpc.topology.Topology;
import tools.jackson.databind.JsonNode;

/**
 * ARI REST commands, sent as RPC to the asterisk-proxy of the channel's Asterisk
 * ({@code asterisk.<asterisk_id>.request}), or to any proxy ({@code asterisk.call.request}) when the
 * Asterisk is not known yet (originate). Asterisk's 4xx comes back as an {@link ApiException} with its
 * status; an unreachable proxy or Asterisk as 503.
 */
@Component
public class AriCommands {

    private static final Logger log = LoggerFactory.getLogger(AriCommands.class);

    private final RpcClient rpc;
    private final Topology topology;
    private final Duration timeout;

    AriCommands(RpcClient rpc, Topology topology) {
        this.rpc = rpc;
        this.topology = topology;
        this.timeout = rpc.defaultTimeout();
    }

    public static Map<String, String> query(String... pairs) {
        Map<String, String> query = new LinkedHashMap<>();
        for (int i = 0; i + 1 < pairs.length; i += 2) {
            if (pairs[i + 1] != null) {
                query.put(pairs[i], pairs[i + 1]);
            }
        }
        return query;
    }

    /** Sends {@code method /ari<path>?<query>}; returns Asterisk's body (null for 204). */
    public JsonNode send(String asteriskId, String method, String path, Map<String, String> query) {
        String uri = "/ari" + path + encode(query);
        String queue = asteriskId == null ? topology.asteriskCallRequestQueue() : topology.asteriskRequestQueue(asteriskId);
        RpcResponse response = rpc.send(queue, method, uri, null, timeout);
        log.debug("ARI {} {} via {} -> {}", method, uri, queue, response.statusCode());
        if (response.isError()) {
            throw new ApiException(response.statusCode(), "ari_error",
                    "ARI " + method + " " + path + " answered " + response.statusCode() + ": " + message(response.data()));
        }
        return response.data();
    }

    public void answer(String asteriskId, String channelId) {
        send(asteriskId, "POST", "/channels/" + channelId + "/answer", Map.of());
    }

    public void hangup(String asteriskId, String channelId, String reason) {
        send(asteriskId, "DELETE", "/channels/" + channelId, query("reason", reason));
    }

    public void play(String asteriskId, String channelId, String playbackId, String media) {
        send(asteriskId, "POST", "/channels/" + channelId + "/play/" + playbackId, query("media", media));
    }

    public void stopPlayback(String asteriskId, String playbackId) {
        send(asteriskId, "DELETE", "/playbacks/" + playbackId, Map.of());
    }

    public void createBridge(String asteriskId, String bridgeId, String name) {
        send(asteriskId, "POST", "/bridges/" + bridgeId, query("type", "mixing", "name", name));
    }

    public void addToBridge(String asteriskId, String bridgeId, String channelId) {
        send(asteriskId, "POST", "/bridges/" + bridgeId + "/addChannel", query("channel", channelId));
    }

    public void removeFromBridge(String asteriskId, String bridgeId, String channelId) {
        send(asteriskId, "POST", "/bridges/" + bridgeId + "/removeChannel", query("channel", channelId));
    }

    /** Whether Asterisk still has the channel (false once it is hung up and gone). */
    public boolean channelExists(String asteriskId, String channelId) {
        try {
            send(asteriskId, "GET", "/channels/" + channelId, Map.of());
            return true;
        } catch (ApiException e) {
            if (e.status() == 404) {
                return false;
            }
            throw e;
        }
    }

    /** The channels Asterisk has in the bridge now; empty when it has no such bridge. */
    public Optional<List<String>> bridgeChannels(String asteriskId, String bridgeId) {
        JsonNode bridge;
        try {
            bridge = send(asteriskId, "GET", "/bridges/" + bridgeId, Map.of());
        } catch (ApiException e) {
            if (e.status() == 404) {
                return Optional.empty();
            }
            throw e;
        }
        List<String> ids = new ArrayList<>();
        if (bridge != null) {
            bridge.path("channels").forEach(id -> ids.add(id.asString()));
        }
        return Optional.of(ids);
    }

    public void destroyBridge(String asteriskId, String bridgeId) {
        send(asteriskId, "DELETE", "/bridges/" + bridgeId, Map.of());
    }

    private static String encode(Map<String, String> query) {
        if (query.isEmpty()) {
            return "";
        }
        StringJoiner joined = new StringJoiner("&", "?", "");
        query.forEach((k, v) -> joined.add(URLEncoder.encode(k, StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return joined.toString();
    }

    private static String message(JsonNode data) {
        if (data == null) {
            return "";
        }
        JsonNode message = data.get("message");
        return message != null ? message.asString() : data.toString();
    }
}
