package net.voipbin.rpc.trace;

import java.util.HexFormat;
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
    /** The MDC key naming the service a line is logged for: one JVM may host several (local mode). */
    public static final String SERVICE_MDC_KEY = "service";

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
