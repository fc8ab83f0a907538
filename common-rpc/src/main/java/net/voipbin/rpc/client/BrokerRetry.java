package net.voipbin.rpc.client;

import java.time.Duration;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.AmqpException;

import net.voipbin.rpc.error.ApiException;

/**
 * Sends an idempotent request again while the broker (or the service behind it) is away, until it is
 * answered or the caller's budget is spent: a broker restart takes seconds, and a ringing caller or a
 * hangup can wait that long, but not forever. Only what may be sent twice goes through here (an activeflow
 * created with its id, an answer, a hangup): a timed-out request may have been carried out.
 * <p>
 * A loop against a deadline rather than a Resilience4j {@code Retry}: the bound is a time budget, which
 * its attempt count does not express, and each attempt's own deadline is cut to what is left of it.
 */
public final class BrokerRetry {

    private static final Logger log = LoggerFactory.getLogger(BrokerRetry.class);
    private static final long FIRST_PAUSE_MILLIS = 200;
    private static final long MAX_PAUSE_MILLIS = 1_000;

    private BrokerRetry() {
    }

    /** Runs {@code request} until it succeeds, fails for good, or {@code budget} has passed. */
    public static <T> T within(Duration budget, String what, Supplier<T> request) {
        long deadline = System.nanoTime() + budget.toNanos();
        long pause = FIRST_PAUSE_MILLIS;
        int attempt = 1;
        while (true) {
            try {
                return request.get();
            } catch (RuntimeException e) {
                long left = deadline - System.nanoTime();
                if (!isTransient(e) || left < pause * 1_000_000) {
                    throw e;
                }
                log.warn("{} failed (attempt {}), trying again in {} ms: {}", what, attempt, pause, e.getMessage());
                sleep(pause);
                pause = Math.min(pause * 2, MAX_PAUSE_MILLIS);
                attempt++;
            }
        }
    }

    public static void within(Duration budget, String what, Runnable request) {
        within(budget, what, () -> {
            request.run();
            return null;
        });
    }

    /** The broker refused or dropped the send, nobody answered in time, or the service said it is unavailable. */
    static boolean isTransient(RuntimeException e) {
        return e instanceof AmqpException || e instanceof RpcTimeoutException
                || e instanceof ApiException api && api.status() == 503;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to send again", e);
        }
    }
}
