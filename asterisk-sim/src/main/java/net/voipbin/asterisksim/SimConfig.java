package net.voipbin.asterisksim;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * How the simulator presents itself: where it listens, the ARI credentials it accepts, the Stasis app
 * and {@code asterisk_id} it stamps on events, and how fast simulated time runs. {@code timeScale}
 * multiplies every simulated duration (media lengths, originate delays, recording limits): tests use
 * a small factor so that a 5 s prompt finishes in 50 ms.
 */
public record SimConfig(
        String host,
        int port,
        String user,
        String password,
        String app,
        String asteriskId,
        double timeScale,
        Map<String, Duration> mediaLengths,
        Duration defaultMediaLength,
        Duration originateDelay) {

    public static final String DEFAULT_ASTERISK_ID = "02:fc:00:00:00:01";

    public SimConfig {
        if (timeScale <= 0) {
            throw new IllegalArgumentException("timeScale must be positive");
        }
        mediaLengths = Map.copyOf(mediaLengths);
    }

    /** Loopback, an ephemeral port, {@code asterisk/asterisk}, app {@code voipbin}, real time. */
    public static SimConfig defaults() {
        Map<String, Duration> lengths = new HashMap<>();
        lengths.put("sound:tone-1khz", Duration.ofSeconds(5));
        lengths.put("sound:hello-world", Duration.ofMillis(1_500));
        lengths.put("sound:silence/1", Duration.ofSeconds(1));
        return new SimConfig("127.0.0.1", 0, "asterisk", "asterisk", "voipbin", DEFAULT_ASTERISK_ID, 1.0,
                lengths, Duration.ofSeconds(2), Duration.ofSeconds(1));
    }

    public SimConfig withPort(int newPort) {
        return new SimConfig(host, newPort, user, password, app, asteriskId, timeScale, mediaLengths,
                defaultMediaLength, originateDelay);
    }

    public SimConfig withCredentials(String newUser, String newPassword) {
        return new SimConfig(host, port, newUser, newPassword, app, asteriskId, timeScale, mediaLengths,
                defaultMediaLength, originateDelay);
    }

    public SimConfig withAsteriskId(String id) {
        return new SimConfig(host, port, user, password, app, id, timeScale, mediaLengths, defaultMediaLength,
                originateDelay);
    }

    public SimConfig withTimeScale(double scale) {
        return new SimConfig(host, port, user, password, app, asteriskId, scale, mediaLengths, defaultMediaLength,
                originateDelay);
    }

    public SimConfig withMediaLength(String mediaUri, Duration length) {
        Map<String, Duration> lengths = new HashMap<>(mediaLengths);
        lengths.put(mediaUri, length);
        return new SimConfig(host, port, user, password, app, asteriskId, timeScale, lengths, defaultMediaLength,
                originateDelay);
    }

    /** The real length of a media item before scaling. */
    public Duration mediaLength(String mediaUri) {
        return mediaLengths.getOrDefault(mediaUri, defaultMediaLength);
    }

    /** A simulated duration in wall-clock milliseconds. */
    public long scaledMillis(Duration simulated) {
        return Math.max(0, Math.round(simulated.toMillis() * timeScale));
    }
}
