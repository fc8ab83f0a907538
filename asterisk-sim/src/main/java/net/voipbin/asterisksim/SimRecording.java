package net.voipbin.asterisksim;

import java.time.Instant;
import java.util.concurrent.ScheduledFuture;

import tools.jackson.databind.node.ObjectNode;

/** A live recording on a channel or bridge: queued, recording, then done. */
final class SimRecording {

    final String name;
    final String format;
    final String targetUri;
    String state = "queued";
    Instant startedAt;
    Integer duration;
    ScheduledFuture<?> limit;

    SimRecording(String name, String format, String targetUri) {
        this.name = name;
        this.format = format;
        this.targetUri = targetUri;
    }

    ObjectNode toJson() {
        ObjectNode node = AriJson.object();
        node.put("name", name);
        node.put("format", format);
        node.put("state", state);
        node.put("target_uri", targetUri);
        if (duration != null) {
            node.put("duration", duration);
        }
        return node;
    }
}
