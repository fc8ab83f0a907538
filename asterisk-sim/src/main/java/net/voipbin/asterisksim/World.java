package net.voipbin.asterisksim;

import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import tools.jackson.databind.node.ObjectNode;

/**
 * The simulated Asterisk's state: channels, bridges, playbacks, recordings. Every read and change runs
 * on one thread (REST handlers, control calls and timers alike), which is what makes the event order
 * deterministic and lets the model classes stay plain mutable objects.
 */
final class World {

    private static final Logger log = LoggerFactory.getLogger(World.class);

    final SimConfig config;
    final Clock clock;
    final AriEvents events;
    final EventHub hub;
    final Map<String, SimChannel> channels = new LinkedHashMap<>();
    final Map<String, SimBridge> bridges = new LinkedHashMap<>();
    final Map<String, SimPlayback> playbacks = new LinkedHashMap<>();
    final Map<String, Deque<SimPlayback>> playbackQueues = new HashMap<>();
    final Map<String, SimRecording> recordings = new LinkedHashMap<>();

    private final ScheduledExecutorService thread;
    private final long epochSecond;
    private long sequence;
    private volatile Thread simulatorThread;

    World(SimConfig config, Clock clock, EventHub hub) {
        this.config = config;
        this.clock = clock;
        this.hub = hub;
        this.events = new AriEvents(clock, config.asteriskId(), config.app());
        this.epochSecond = clock.instant().getEpochSecond();
        this.thread = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread t = new Thread(runnable, "asterisk-sim");
            t.setDaemon(true);
            simulatorThread = t;
            return t;
        });
    }

    /** Asterisk's uniqueid style: {@code <start epoch>.<sequence>}. */
    String nextUniqueId() {
        return epochSecond + "." + (++sequence);
    }

    long nextSequence() {
        return ++sequence;
    }

    void emit(ObjectNode event) {
        hub.emit(event);
    }

    SimChannel channel(String id) {
        SimChannel channel = channels.get(id);
        if (channel == null) {
            throw AriError.channelNotFound();
        }
        return channel;
    }

    SimChannel stasisChannel(String id) {
        SimChannel channel = channel(id);
        if (!channel.inStasis) {
            throw new AriError(409, "Channel not in Stasis application");
        }
        return channel;
    }

    /** Runs {@code task} on the simulator thread after a simulated delay (scaled by the time factor). */
    ScheduledFuture<?> after(java.time.Duration simulated, Runnable task) {
        return afterMillis(config.scaledMillis(simulated), task);
    }

    ScheduledFuture<?> afterMillis(long millis, Runnable task) {
        return thread.schedule(() -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                log.warn("simulated timer failed: {}", e.toString());
            }
        }, millis, TimeUnit.MILLISECONDS);
    }

    <T> CompletableFuture<T> submit(Callable<T> task) {
        CompletableFuture<T> result = new CompletableFuture<>();
        thread.execute(() -> {
            try {
                result.complete(task.call());
            } catch (Exception e) {
                result.completeExceptionally(e);
            }
        });
        return result;
    }

    /** Runs {@code task} on the simulator thread and waits for it (the Java control API). */
    <T> T call(Callable<T> task) {
        if (Thread.currentThread() == simulatorThread) {
            try {
                return task.call();
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        try {
            return submit(task).get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("simulator thread busy", e);
        }
    }

    void run(Runnable task) {
        call(() -> {
            task.run();
            return null;
        });
    }

    void shutdown() {
        thread.shutdownNow();
    }
}
