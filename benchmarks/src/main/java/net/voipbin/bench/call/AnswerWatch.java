package net.voipbin.bench.call;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import net.voipbin.asterisksim.AsteriskSim;
import net.voipbin.asterisksim.RecordedRequest;

/**
 * Notes when each channel's answer request ({@code POST /ari/channels/{id}/answer}) reaches the
 * simulator: the platform's answer as Asterisk receives it. Told by the simulator itself as the request
 * arrives, so no second events client adds its own delivery (and the simulator's work) to the figures.
 */
final class AnswerWatch implements Consumer<RecordedRequest> {

    private static final String PREFIX = "/ari/channels/";
    private static final String SUFFIX = "/answer";

    private final Map<String, Long> answeredAt = new ConcurrentHashMap<>();

    private AnswerWatch() {
    }

    static AnswerWatch on(AsteriskSim sim) {
        AnswerWatch watch = new AnswerWatch();
        sim.onRequest(watch);
        return watch;
    }

    /** When the channel's answer request arrived (System.nanoTime), or null if not yet. */
    Long answeredAt(String channelId) {
        return answeredAt.get(channelId);
    }

    @Override
    public void accept(RecordedRequest request) {
        long now = System.nanoTime();
        String path = request.path();
        if ("POST".equals(request.method()) && path.startsWith(PREFIX) && path.endsWith(SUFFIX)
                && path.length() > PREFIX.length() + SUFFIX.length()) {
            answeredAt.putIfAbsent(path.substring(PREFIX.length(), path.length() - SUFFIX.length()), now);
        }
    }
}
