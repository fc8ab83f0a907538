package net.voipbin.pipecatmanager.session;

import java.net.URI;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import io.netty.channel.EventLoopGroup;
import net.voipbin.pipecatmanager.audiosocket.AudioSocketServer;
import net.voipbin.pipecatmanager.runner.RunnerClient;
import net.voipbin.pipecatmanager.tool.ToolCall;
import net.voipbin.pipecatmanager.tool.ToolOutcome;
import net.voipbin.rpc.json.Json;
import net.voipbin.rpc.urlguard.UrlGuard;

/**
 * The audio bridge alone: AudioSocket server, sessions and runner connections, without database,
 * broker, events or tools (tool calls answer an error). For benchmarks and local experiments; the
 * service itself wires {@link PipecatcallService}.
 */
public final class StandaloneBridge implements AutoCloseable, SessionHooks {

    private final SessionRegistry registry = new SessionRegistry();
    /** The runner here is named by whoever runs the benchmark, not by a customer: any address will do. */
    private final RunnerClient runners = new RunnerClient(new UrlGuard(UrlGuard.EVERY_NETWORK));
    private final PlayoutClocks clocks = new PlayoutClocks();
    private final SessionMessages messages = new SessionMessages(Json.newMapper());
    private final AudioSocketServer server;
    private final SessionLimits limits;

    private StandaloneBridge(EventLoopGroup loops, String host, int port, SessionLimits limits) throws InterruptedException {
        this.limits = limits;
        this.server = AudioSocketServer.start(loops, loops, host, port, registry, 4096);
    }

    public static StandaloneBridge start(EventLoopGroup loops, String host, int port) throws InterruptedException {
        // A benchmark's callers may start talking late on a loaded machine: a lenient audio timeout.
        return new StandaloneBridge(loops, host, port, new SessionLimits(30, Duration.ofSeconds(10), Duration.ofMillis(60)));
    }

    /** Expects an AudioSocket connection announcing {@code id}; it will be bridged to {@code runnerUrl}. */
    public void register(UUID id, AudioFormat format, URI runnerUrl) {
        registry.add(new PipecatSession(new SessionSpec(id, id, format, runnerUrl, null, false), this, runners, clocks,
                messages, limits));
    }

    public int port() {
        return server.port();
    }

    @Override
    public void running(PipecatSession session) {
    }

    @Override
    public void ended(PipecatSession session, String reason) {
        registry.remove(session);
    }

    @Override
    public void noCallerAudio(PipecatSession session) {
        session.end("no caller audio");
    }

    @Override
    public void runnerFrameSkipped(PipecatSession session) {
    }

    @Override
    public CompletableFuture<ToolOutcome> tool(PipecatSession session, ToolCall call) {
        return CompletableFuture.completedFuture(ToolOutcome.error("tools_disabled", "standalone bridge"));
    }

    @Override
    public CompletableFuture<ToolOutcome> endCall(PipecatSession session, ToolCall call) {
        return tool(session, call);
    }

    @Override
    public void close() {
        registry.all().forEach(session -> session.end("bridge closed"));
        server.close();
        runners.close();
    }
}
