package net.voipbin.flowmanager.engine;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What the current action waits for: the {@link Signal} keys that complete it (and, for a timer, when).
 * Persisted with the activeflow, so a restarted flow-manager still recognises the event it waits for.
 */
public record Wait(Kind kind, List<String> keys, Instant until) {

    public enum Kind { OPERATION, ANSWER, TIMER, DIAL, PEER, EXTERNAL }

    public Wait {
        keys = List.copyOf(keys);
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("a wait needs at least one key");
        }
    }

    public static Wait operation(String operationId) {
        return new Wait(Kind.OPERATION, List.of(Signal.operationKey(operationId)), null);
    }

    public static Wait answer(UUID callId) {
        return new Wait(Kind.ANSWER, List.of(Signal.answerKey(callId)), null);
    }

    public static Wait timer(Instant until) {
        return new Wait(Kind.TIMER, List.of("timer:" + UUID.randomUUID()), until);
    }

    public static Wait external(String key) {
        return new Wait(Kind.EXTERNAL, List.of(key), null);
    }
}
