package net.voipbin.rpc.trace;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

import org.slf4j.MDC;

/**
 * The trace id that travels with every RPC and event as the {@code trace_id} message header and
 * sits in the logging MDC while a message is handled, so one caller's request can be followed
 * across the fleet's logs.
 */
public final class Trace {

    public static final String HEADER = "trace_id";
    public static final String MDC_KEY = "trace_id";
    /**
     * The MDC key naming the service a line is logged for: one JVM may host several (local mode). Not
     * {@code service}: JSON logs in the ECS format write an object of that name, and a second one drops the line.
     */
    public static final String SERVICE_MDC_KEY = "voipbin_service";

    private Trace() {
    }

    /** The trace id of the work in progress on this thread, or a new one. */
    public static String currentOrNew() {
        String current = MDC.get(MDC_KEY);
        return current != null ? current : newId();
    }

    /** 64 random bits as 16 hex digits: unique enough to follow a request, and cheap (no SecureRandom). */
    public static String newId() {
        return HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
    }

    /**
     * The trace id of everything that follows from one Asterisk resource (a channel: one call), the same
     * wherever it is computed: asterisk-proxy stamps it on the resource's ARI events, so a call's lines
     * share one trace from its StasisStart to its hangup without anyone storing it.
     */
    public static String forKey(String key) {
        byte[] bytes = key.getBytes(StandardCharsets.UTF_8);
        return HexFormat.of().toHexDigits(UUID.nameUUIDFromBytes(bytes).getMostSignificantBits());
    }

    /** Runs {@code work} with {@code traceId} (or a new id) in the MDC, restoring what was there. */
    public static void runWith(String traceId, Runnable work) {
        callWith(traceId, () -> {
            work.run();
            return null;
        });
    }

    /** {@link #runWith} for work with a result. */
    public static <T> T callWith(String traceId, Supplier<T> work) {
        String previous = MDC.get(MDC_KEY);
        MDC.put(MDC_KEY, traceId != null && !traceId.isBlank() ? traceId : newId());
        try {
            return work.get();
        } finally {
            if (previous == null) {
                MDC.remove(MDC_KEY);
            } else {
                MDC.put(MDC_KEY, previous);
            }
        }
    }
}
