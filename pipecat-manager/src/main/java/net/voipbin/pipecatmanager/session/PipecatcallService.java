package net.voipbin.pipecatmanager.session;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;

import net.voipbin.contract.pipecatmanager.Pipecatcall;
import net.voipbin.contract.pipecatmanager.PipecatManagerEvents;
import net.voipbin.contract.pipecatmanager.PipecatcallCreate;
import net.voipbin.contract.pipecatmanager.PipecatcallToolCall;
import net.voipbin.pipecatmanager.config.PipecatProperties;
import net.voipbin.pipecatmanager.runner.RunnerClient;
import net.voipbin.pipecatmanager.tool.ToolCall;
import net.voipbin.pipecatmanager.tool.ToolDispatcher;
import net.voipbin.pipecatmanager.tool.ToolOutcome;
import net.voipbin.rpc.error.ApiException;
import net.voipbin.rpc.event.EventPublisher;
import net.voipbin.rpc.urlguard.UrlGuard;
import net.voipbin.rpc.urlguard.UrlKind;
import tools.jackson.databind.json.JsonMapper;

/**
 * Starts and stops AI sessions and does their bookkeeping: the row in {@code pipecatcalls}, the
 * {@code pipecatcall_*} events, the tool calls. A session ends at the latest when its call hangs up,
 * when Asterisk has not connected within the attach timeout, or when no caller audio comes (after one
 * fallback from slin16 to slin where that is allowed). Blocking work (database, broker confirms, RPC)
 * runs on virtual threads, never on a session's event loop.
 */
@Service
public class PipecatcallService implements SessionHooks {

    private static final Logger log = LoggerFactory.getLogger(PipecatcallService.class);

    private final PipecatcallRepository repository;
    private final SessionRegistry registry;
    private final MediaAttacher media;
    private final ToolDispatcher tools;
    private final EventPublisher events;
    private final RunnerClient runners;
    private final UrlGuard guard;
    private final SessionMessages messages;
    private final PlayoutClocks clocks = new PlayoutClocks();
    private final ExecutorService blocking;
    private final ScheduledExecutorService deadlines = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("pipecatcall-deadlines").factory());
    private final PipecatProperties properties;
    /** Sessions whose {@link #start} has not returned yet: their end waits for their start's announcement. */
    private final Map<UUID, CompletableFuture<Void>> starting = new ConcurrentHashMap<>();
    private final SessionLimits limits;
    private final Clock clock;
    private final Counter skippedFrames;
    private final Counter droppedAudio;

    PipecatcallService(PipecatcallRepository repository, SessionRegistry registry, MediaAttacher media,
            ToolDispatcher tools, EventPublisher events, RunnerClient runners, UrlGuard guard, JsonMapper json,
            PipecatProperties properties, Clock clock, MeterRegistry meters) {
        this.repository = repository;
        this.registry = registry;
        this.media = media;
        this.tools = tools;
        this.events = events;
        this.runners = runners;
        this.guard = guard;
        this.messages = new SessionMessages(json);
        this.blocking = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("pipecatcall-", 0).factory());
        this.properties = properties;
        this.limits = new SessionLimits(properties.playoutSeconds(), properties.audioTimeout(), properties.startupBuffer());
        this.clock = clock;
        this.skippedFrames = Counter.builder("pipecat.runner.frames.skipped")
                .description("valid runner frames of a type this service does not know, skipped").register(meters);
        this.droppedAudio = Counter.builder("pipecat.caller.audio.dropped").baseUnit("milliseconds")
                .description("caller audio dropped instead of reaching the runner late").register(meters);
    }

    @PreDestroy
    void close() {
        deadlines.shutdownNow();
    }

    /**
     * Registers the session first (Asterisk may connect before call-manager even answers), then asks for the
     * audio. The session can end while that request is under way (Asterisk connected and the runner refused
     * at once); its end is announced after {@code pipecatcall_started}, and the request failing because its
     * AudioSocket channel is already gone is no failure of the POST: the session ended for its own reason.
     */
    public Pipecatcall start(PipecatcallCreate request) {
        AudioFormat format = AudioFormat.of(request.audioFormat() == null ? "slin16" : request.audioFormat());
        UUID id = UUID.randomUUID();
        URI runner = checkedUrls(request);
        SessionSpec spec = new SessionSpec(id, request.callId(), format, runner, request.toolEndpoint(),
                format == AudioFormat.SLIN16 && request.audioFormat() == null);
        Pipecatcall row = new Pipecatcall(id, request.callId(), Pipecatcall.STATUS_STARTING, format.wireName(),
                request.runnerUrl(), request.toolEndpoint() == null ? null : request.toolEndpoint().url(), null,
                clock.instant(), clock.instant());
        repository.insert(row);
        PipecatSession session = newSession(spec);
        starting.put(id, new CompletableFuture<>());
        try {
            registry.add(session);
            AudioFormat attached;
            try {
                attached = media.attach(spec, () -> spec.mayFallBack() && !session.isEnded());
            } catch (ApiException e) {
                if (!session.isEnded()) {
                    registry.remove(id);
                    repository.updateStatus(id, Pipecatcall.STATUS_ENDED, "external media failed: " + e.getMessage(),
                            clock.instant());
                    throw e;
                }
                log.info("pipecatcall {}: ended while its external media was set up ({})", id, e.getMessage());
                attached = format;
            }
            if (attached != format) {
                registry.add(newSession(spec.in(attached)));
                row = repository.updateFormat(id, attached.wireName(), clock.instant());
            }
            log.info("pipecatcall {} started for call {} ({}, runner {})", id, request.callId(), attached.wireName(),
                    runner);
            events.publish(PipecatManagerEvents.PIPECATCALL_STARTED, row);
            registry.get(id).ifPresent(this::awaitAttach);
            return row;
        } finally {
            starting.remove(id).complete(null);
        }
    }

    /**
     * A customer URL the guard refuses is a 400 naming the field, before anything starts; the runner
     * connection and every tool call are checked again when made (DNS answers change).
     */
    private URI checkedUrls(PipecatcallCreate request) {
        URI runner = guard.validate("runner_url", request.runnerUrl(), UrlKind.WEBSOCKET);
        if (request.toolEndpoint() != null) {
            guard.validate("tool_endpoint.url", request.toolEndpoint().url(), UrlKind.HTTP);
        }
        return runner;
    }

    private PipecatSession newSession(SessionSpec spec) {
        return new PipecatSession(spec, this, runners, clocks, messages, limits);
    }

    /** A session Asterisk never connects to ends at the attach timeout instead of staying starting. */
    private void awaitAttach(PipecatSession session) {
        Duration timeout = properties.attachTimeout();
        deadlines.schedule(() -> {
            if (!session.isAttached()) {
                session.end("asterisk did not connect within " + seconds(timeout));
            }
        }, timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** call-manager's call_hungup: every session of that call ends (its AudioSocket channel goes with it). */
    public void callHungup(UUID callId) {
        registry.ofCall(callId).forEach(session -> session.end("call hungup"));
    }

    public Pipecatcall get(UUID id) {
        return repository.find(id).orElseThrow(() -> ApiException.notFound("pipecatcall"));
    }

    /** DELETE: ends a live session (hangup frame to Asterisk, close to the runner); idempotent. */
    public Pipecatcall stop(UUID id) {
        Pipecatcall current = get(id);
        registry.get(id).ifPresentOrElse(session -> session.end("deleted"), () -> { });
        return Pipecatcall.STATUS_ENDED.equals(current.status()) ? current : finish(id, "deleted");
    }

    @Override
    public void running(PipecatSession session) {
        blocking.execute(() -> repository.updateStatus(session.spec().id(), Pipecatcall.STATUS_RUNNING, null, clock.instant()));
    }

    @Override
    public void ended(PipecatSession session, String reason) {
        registry.remove(session);
        droppedAudio.increment(session.droppedCallerMillis());
        UUID id = session.spec().id();
        blocking.execute(() -> {
            awaitStarted(id);
            finish(id, reason);
        });
    }

    /** A session that ends while {@link #start} is still under way is announced ended after it started. */
    private void awaitStarted(UUID id) {
        CompletableFuture<Void> started = starting.get(id);
        if (started == null) {
            return;
        }
        try {
            started.get(1, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            log.warn("pipecatcall {}: start still under way, announcing its end anyway", id);
        }
    }

    /**
     * No caller audio: Asterisk could not put the channel in the call's bridge (no translation to the
     * format). Where slin16 was only our default, the attempt is replaced by one in slin, with a fresh
     * runner connection; otherwise the session ends saying so.
     */
    @Override
    public void noCallerAudio(PipecatSession session) {
        SessionSpec spec = session.spec();
        String why = "no caller audio in " + spec.format().wireName() + " within " + seconds(properties.audioTimeout());
        if (!spec.mayFallBack()) {
            session.end(why);
            return;
        }
        session.replace(why);
        PipecatSession next = newSession(spec.in(AudioFormat.SLIN));
        registry.add(next);
        blocking.execute(() -> {
            try {
                media.request(next.spec());
                repository.updateFormat(spec.id(), AudioFormat.SLIN.wireName(), clock.instant());
                awaitAttach(next);
            } catch (RuntimeException e) {
                next.end("external media failed: " + e.getMessage());
            }
        });
    }

    @Override
    public void runnerFrameSkipped(PipecatSession session) {
        skippedFrames.increment();
    }

    private static String seconds(Duration duration) {
        return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + "s" : duration.toMillis() + "ms";
    }

    private synchronized Pipecatcall finish(UUID id, String reason) {
        Pipecatcall before = get(id);
        if (Pipecatcall.STATUS_ENDED.equals(before.status())) {
            return before;
        }
        Pipecatcall after = repository.updateStatus(id, Pipecatcall.STATUS_ENDED, reason, clock.instant()).orElseThrow();
        events.publish(PipecatManagerEvents.PIPECATCALL_ENDED, after);
        return after;
    }

    @Override
    public CompletableFuture<ToolOutcome> tool(PipecatSession session, ToolCall call) {
        SessionSpec spec = session.spec();
        return tools.execute(spec.id(), spec.callId(), spec.toolEndpoint(), call)
                .thenApplyAsync(outcome -> published(spec, call, outcome), blocking);
    }

    @Override
    public CompletableFuture<ToolOutcome> endCall(PipecatSession session, ToolCall call) {
        SessionSpec spec = session.spec();
        return tools.hangup(spec.callId()).thenApplyAsync(outcome -> published(spec, call, outcome), blocking);
    }

    private ToolOutcome published(SessionSpec spec, ToolCall call, ToolOutcome outcome) {
        try {
            events.publish(PipecatManagerEvents.PIPECATCALL_TOOL_CALLED, new PipecatcallToolCall(spec.id(),
                    spec.callId(), call.toolCallId(), call.functionName(), call.arguments(), outcome.success(),
                    outcome.result()));
        } catch (RuntimeException e) {
            // The runner still gets its result; a lost notification must not turn into silence.
            log.warn("pipecatcall {}: tool event for {} not published: {}", spec.id(), call.toolCallId(), e.getMessage());
        }
        return outcome;
    }
}
