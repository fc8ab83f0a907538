package net.voipbin.pipecatmanager.session;

import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.EventLoop;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import net.voipbin.pipecatmanager.audiosocket.AudioSocketDecoder;
import net.voipbin.pipecatmanager.audiosocket.AudioSocketFrame;
import net.voipbin.pipecatmanager.audiosocket.CallerLeg;
import net.voipbin.pipecatmanager.runner.RunnerClient;
import net.voipbin.pipecatmanager.runner.RunnerCodec;
import net.voipbin.pipecatmanager.runner.RunnerListener;
import net.voipbin.pipecatmanager.tool.ToolCall;
import net.voipbin.pipecatmanager.tool.ToolOutcome;

/**
 * One live AI call: the caller's AudioSocket connection and the runner's WebSocket, both on the
 * caller connection's event loop, so everything below runs single-threaded. Caller audio goes to the
 * runner as it arrives; runner audio is queued and paced out in 20 ms frames by the loop's playout clock,
 * silence when the queue is empty (Asterisk drops a socket that stays silent for 2 s).
 */
public final class PipecatSession implements CallerLeg, RunnerListener {

    private static final Logger log = LoggerFactory.getLogger(PipecatSession.class);

    private final SessionSpec spec;
    private final SessionHooks hooks;
    private final RunnerClient runners;
    private final PlayoutClocks clocks;
    private final SessionMessages messages;
    private final PlayoutQueue queue;
    private final AudioBridge bridge;
    private final AtomicBoolean ended = new AtomicBoolean();
    private final ToolLedger tools = new ToolLedger();
    private volatile EventLoop loop;
    private Channel caller;
    private Channel runner;
    private boolean runnerReady;
    private ToolCall pendingEndCall;
    private boolean hangupRequested;
    private boolean warnedRate;

    PipecatSession(SessionSpec spec, SessionHooks hooks, RunnerClient runners, PlayoutClocks clocks,
            SessionMessages messages, int playoutSeconds) {
        this.spec = spec;
        this.hooks = hooks;
        this.runners = runners;
        this.clocks = clocks;
        this.messages = messages;
        this.queue = new PlayoutQueue(playoutSeconds * spec.format().sampleRate());
        this.bridge = new AudioBridge(spec.format());
    }

    public SessionSpec spec() {
        return spec;
    }

    boolean isEnded() {
        return ended.get();
    }

    /** Binds the caller's connection (on its event loop) and dials the runner on the same loop. */
    boolean attach(Channel channel) {
        if (caller != null) {
            return false;
        }
        caller = channel;
        loop = channel.eventLoop();
        if (ended.get()) {
            return false;   // ended meanwhile (DELETE): either end() saw the loop and closes, or the handler does
        }
        clocks.join(loop, this);
        runner = runners.connect(spec.runnerUrl(), loop, this).addListener((ChannelFutureListener) f -> {
            if (!f.isSuccess()) {
                end("runner unreachable: " + f.cause().getMessage());
            }
        }).channel();
        return true;
    }

    @Override
    public void audio(ByteBuf frame) {
        if (AudioSocketDecoder.kindOf(frame) != spec.format().kind()) {
            warnRate("caller audio of kind " + AudioSocketDecoder.kindOf(frame));
            return;
        }
        if (!runnerReady || !runner.isWritable()) {
            return;   // not connected yet, or a runner that stopped reading: live audio is dropped, never piled up
        }
        int length = AudioSocketDecoder.payloadLength(frame);
        int samples = bridge.runnerSamples(length);
        ByteBuf out = runner.alloc().buffer(RunnerCodec.maxAudioFrameSize(samples));
        RunnerCodec.writeAudioHeader(out, samples, AudioBridge.RUNNER_RATE);
        bridge.callerToRunner(frame, frame.readerIndex() + AudioSocketDecoder.HEADER, length, out);
        RunnerCodec.writeAudioTrailer(out, AudioBridge.RUNNER_RATE);
        runner.writeAndFlush(new BinaryWebSocketFrame(out), runner.voidPromise());
    }

    /** One 20 ms slot (from {@link PlayoutClocks}): queued audio or silence; end_call hangs up once the queue ran dry. */
    void tick() {
        if (caller == null || !caller.isActive()) {
            return;
        }
        if (caller.isWritable()) {
            ByteBuf out = caller.alloc().buffer(bridge.frameBytes());
            bridge.nextFrame(queue, out);
            caller.writeAndFlush(out, caller.voidPromise());
        }
        if (pendingEndCall != null && queue.isEmpty() && !hangupRequested) {
            hangupRequested = true;
            ToolCall call = pendingEndCall;
            hooks.endCall(this, call).thenAccept(outcome -> loop.execute(() -> {
                answer(call, outcome);
                end("end_call");
            }));
        }
    }

    @Override
    public void dtmf(char digit) {
        sendMessage(messages.dtmf(digit));
    }

    @Override
    public void closed(String reason) {
        end("caller " + reason);
    }

    @Override
    public void runnerConnected() {
        runnerReady = true;
        sendMessage(messages.sessionStarted(spec));
        hooks.running(this);
    }

    @Override
    public void runnerAudio(ByteBuf frame, int offset, int length, int sampleRate, int channels) {
        if (channels != 1 || !bridge.runnerToQueue(frame, offset, length, sampleRate, queue)) {
            warnRate("runner audio at " + sampleRate + " Hz x" + channels);
        }
    }

    @Override
    public void runnerInterruption() {
        queue.clear();
    }

    @Override
    public void runnerMessage(String json) {
        SessionMessages.Inbound message = messages.parse(json);
        switch (message) {
            case SessionMessages.Inbound.FunctionCall f -> toolCall(f.call());
            case SessionMessages.Inbound.Interrupt i -> queue.clear();
            case SessionMessages.Inbound.Other o -> log.debug("pipecatcall {}: runner message {}", spec.id(), o.type());
        }
    }

    @Override
    public void runnerText(String text) {
        log.debug("pipecatcall {}: runner text {}", spec.id(), text);
    }

    @Override
    public void runnerClosed(String reason) {
        runnerReady = false;
        end(reason);
    }

    /** Exactly one outcome per tool_call_id: a repeat never runs again and gets the first result. */
    private void toolCall(ToolCall call) {
        if (!tools.claim(call.toolCallId())) {
            tools.result(call.toolCallId()).ifPresent(this::sendMessage);
            return;
        }
        if ("end_call".equals(call.functionName())) {
            pendingEndCall = call;
            return;
        }
        hooks.tool(this, call).thenAccept(outcome -> loop.execute(() -> answer(call, outcome)));
    }

    private void answer(ToolCall call, ToolOutcome outcome) {
        String result = messages.functionCallResult(call, outcome);
        tools.record(call.toolCallId(), result);
        sendMessage(result);
    }

    private void sendMessage(String json) {
        if (runnerReady && runner.isActive()) {
            runner.writeAndFlush(new BinaryWebSocketFrame(RunnerCodec.message(json)), runner.voidPromise());
        }
    }

    /** Ends the session once, from any thread: hangup frame to Asterisk, close to the runner. */
    public void end(String reason) {
        if (!ended.compareAndSet(false, true)) {
            return;
        }
        log.info("pipecatcall {} (call {}) ended: {}", spec.id(), spec.callId(), reason);
        EventLoop l = loop;
        if (l != null) {
            l.execute(this::closeChannels);
        }
        hooks.ended(this, reason);
    }

    private void closeChannels() {
        clocks.leave(loop, this);
        if (caller.isActive()) {
            caller.writeAndFlush(AudioSocketFrame.HANGUP).addListener(ChannelFutureListener.CLOSE);
        }
        if (runner != null && runner.isActive()) {
            runner.writeAndFlush(new CloseWebSocketFrame()).addListener(ChannelFutureListener.CLOSE);
        }
    }

    private void warnRate(String what) {
        if (!warnedRate) {
            warnedRate = true;
            log.warn("pipecatcall {} ({}): dropping {}", spec.id(), spec.format().wireName(), what);
        }
    }
}
