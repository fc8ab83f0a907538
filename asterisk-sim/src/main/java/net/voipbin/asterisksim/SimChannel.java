package net.voipbin.asterisksim;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ScheduledFuture;

import tools.jackson.databind.node.ObjectNode;

/** A channel as Asterisk shows it. Confined to the simulator's thread, hence mutable. */
final class SimChannel {

    final String id;
    final String name;
    final String protocolId;
    final Instant creationtime;
    final Map<String, String> variables = new LinkedHashMap<>();
    String state;
    String callerName = "";
    String callerNumber = "";
    String connectedName = "";
    String connectedNumber = "";
    String context;
    String exten;
    int priority = 1;
    String appName;
    String appData;
    boolean inStasis;
    boolean onHold;
    String bridgeId;
    /** An externalMedia channel's {@code format} (slin16, ulaw, ...); null for other channels. */
    String mediaFormat;
    /** Pending originate outcome, cancelled when the app hangs the channel up first. */
    ScheduledFuture<?> pending;

    SimChannel(String id, String name, String protocolId, String state, Instant creationtime) {
        this.id = id;
        this.name = name;
        this.protocolId = protocolId;
        this.state = state;
        this.creationtime = creationtime;
    }

    SimChannel dialplan(String newContext, String newExten, String newAppName, String newAppData) {
        this.context = newContext;
        this.exten = newExten;
        this.appName = newAppName;
        this.appData = newAppData;
        return this;
    }

    boolean isPjsip() {
        return name.startsWith("PJSIP/");
    }

    ObjectNode toJson() {
        ObjectNode node = AriJson.object();
        node.put("id", id);
        node.put("name", name);
        node.put("state", state);
        node.put("protocol_id", protocolId);
        node.putObject("caller").put("name", callerName).put("number", callerNumber);
        node.putObject("connected").put("name", connectedName).put("number", connectedNumber);
        node.put("accountcode", "");
        node.putObject("dialplan")
                .put("context", context)
                .put("exten", exten)
                .put("priority", priority)
                .put("app_name", appName)
                .put("app_data", appData);
        node.put("creationtime", AriJson.timestamp(creationtime));
        node.put("language", "en");
        return node;
    }
}
