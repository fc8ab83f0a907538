package net.voipbin.asterisksim;

import java.util.concurrent.ScheduledFuture;

import tools.jackson.databind.node.ObjectNode;

/** A playback on a channel or bridge: queued, playing, then done (or failed on hangup). */
final class SimPlayback {

    final String id;
    final String mediaUri;
    final String targetUri;
    final long lengthMillis;
    String state = "queued";
    ScheduledFuture<?> finish;

    SimPlayback(String id, String mediaUri, String targetUri, long lengthMillis) {
        this.id = id;
        this.mediaUri = mediaUri;
        this.targetUri = targetUri;
        this.lengthMillis = lengthMillis;
    }

    ObjectNode toJson() {
        ObjectNode node = AriJson.object();
        node.put("id", id);
        node.put("media_uri", mediaUri);
        node.put("target_uri", targetUri);
        node.put("language", "en");
        node.put("state", state);
        return node;
    }
}
