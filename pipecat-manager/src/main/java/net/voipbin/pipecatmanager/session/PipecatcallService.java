package net.voipbin.pipecatmanager.session;

import java.net.URI;
import java.time.Clock;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

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
import tools.jackson.databind.json.JsonMapper;

/**
 * Starts and stops AI sessions and does their bookkeeping: the row in {@code pipecatcalls}, the
 * {@code pipecatcall_*} events, the tool calls. Blocking work (database, broker confirms, RPC) runs on
 * virtual threads, never on a session's event loop.
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
    private final SessionMessages messages;
    private final PlayoutClocks clocks = new PlayoutClocks();
    private final ExecutorService blocking;
    private final PipecatProperties properties;
    private final Clock clock;

    PipecatcallService(PipecatcallRepository repository, SessionRegistry registry, MediaAttacher media,
            ToolDispatcher tools, EventPublisher events, RunnerClient runners, JsonMapper json,
            PipecatProperties properties, Clock clock) {
        this.repository = repository;
        this.registry = registry;
        this.media = media;
        this.tools = tools;
        this.events = events;
        this.runners = runners;
        this.messages = new SessionMessages(json);
        this.blocking = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("pipecatcall-", 0).factory());
        this.properties = properties;
        this.clock = clock;
    }

    /** Registers the session first (Asterisk may connect before call-manager even answers), then asks for the audio. */
    public Pipecatcall start(PipecatcallCreate request) {
        AudioFormat format = AudioFormat.of(request.audioFormat() == null ? "slin16" : request.audioFormat());
        UUID id = UUID.randomUUID();
        URI runner = URI.create(request.runnerUrl());
        SessionSpec spec = new SessionSpec(id, request.callId(), format, runner, request.toolEndpoint());
        Pipecatcall row = new Pipecatcall(id, request.callId(), Pipecatcall.STATUS_STARTING, format.wireName(),
                request.runnerUrl(), request.toolEndpoint() == null ? null : request.toolEndpoint().url(), null,
                clock.instant(), clock.instant());
        repository.insert(row);
        registry.add(newSession(spec));
        AudioFormat attached;
        try {
            attached = media.attach(spec, format == AudioFormat.SLIN16 && request.audioFormat() == null);
        } catch (ApiException e) {
            registry.remove(id);
            repository.updateStatus(id, Pipecatcall.STATUS_ENDED, "external media failed: " + e.getMessage(), clock.instant());
            throw e;
        }
        if (attached != format) {
            registry.add(newSession(new SessionSpec(id, request.callId(), attached, runner, request.toolEndpoint())));
            row = repository.updateFormat(id, attached.wireName(), clock.instant());
        }
        log.info("pipecatcall {} started for call {} ({}, runner {})", id, request.callId(), attached.wireName(), runner);
        events.publish(PipecatManagerEvents.PIPECATCALL_STARTED, row);
        return row;
    }

    private PipecatSession newSession(SessionSpec spec) {
        return new PipecatSession(spec, this, runners, clocks, messages, properties.playoutSeconds());
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
        registry.remove(session.spec().id());
        blocking.execute(() -> finish(session.spec().id(), reason));
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
