package net.voipbin.pipecatmanager.session;

import java.util.concurrent.TimeUnit;
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

/**
 * One live AI call: the caller's AudioSocket connection and the runner's WebSocket, both on the
 * caller connection's event loop, so everything below runs single-threaded. Caller audio goes to the
 * runner through {@link CallerFeed}; runner audio is queued in an {@link AdaptivePlayout} and paced out
 * in 20 ms frames by the loop's playout clock, silence when empty (Asterisk drops a socket that stays
 * silent for 2 s). Asterisk must send caller audio within the audio timeout of connecting, else the
 * service is told ({@link SessionHooks#noCallerAudio}).
 */
public final class PipecatSession implements CallerLeg, RunnerListener {

    private static final Logger log = LoggerFactory.getLogger(PipecatSession.class);

    private final SessionSpec spec;
    private final SessionHooks hooks;
    private final RunnerClient runners;
    private final PlayoutClocks clocks;
    private final SessionMessages messages;
    private final SessionLimits limits;
    private final AdaptivePlayout playout;
    private final AudioBridge bridge;
    private final CallerFeed feed;
    private final SessionTools tools;
    private final AtomicBoolean ended = new AtomicBoolean();
    private volatile EventLoop loop;
    private volatile boolean attached;
    private volatile int skippedRunnerFrames;
    private Channel caller;
    private Channel runner;
    private boolean runnerReady;
    private boolean heardCaller;
    private boolean warnedRate;

    PipecatSession(SessionSpec spec, SessionHooks hooks, RunnerClient runners, PlayoutClocks clocks,
            SessionMessages messages, SessionLimits limits) {
        this.spec = spec;
        this.hooks = hooks;
        this.runners = runners;
        this.clocks = clocks;
        this.messages = messages;
        this.limits = limits;
        this.playout = new AdaptivePlayout(limits.playoutSeconds() * spec.format().sampleRate(), spec.format().sampleRate());
        this.bridge = new AudioBridge(spec.format());
        this.feed = new CallerFeed(bridge, limits.startupBuffer());
        this.tools = new SessionTools(this, hooks, messages);
    }

    public SessionSpec spec() {
        return spec;
    }

    boolean isEnded() {
        return ended.get();
    }

    /** Asterisk has connected (any thread). */
    boolean isAttached() {
        return attached;
    }

    long droppedCallerMillis() {
        return feed.droppedMillis();
    }

    /** Binds the caller's connection (on its event loop) and dials the runner on the same loop. */
    boolean attach(Channel channel) {
        if (caller != null) {
            return false;
        }
        caller = channel;
        loop = channel.eventLoop();
        attached = true;
        if (ended.get()) {
            return false;   // ended meanwhile (DELETE): either end() saw the loop and closes, or the handler does
        }
        clocks.join(loop, this);
        loop.schedule(this::checkCallerAudio, limits.audioTimeout().toNanos(), TimeUnit.NANOSECONDS);
        runner = runners.connect(spec.runnerUrl(), loop, this).addListener((ChannelFutureListener) f -> {
            if (!f.isSuccess()) {
                end("runner unreachable: " + f.cause().getMessage());
            }
        }).channel();
        return true;
    }

    private void checkCallerAudio() {
        if (!heardCaller && !ended.get()) {
            hooks.noCallerAudio(this);
        }
    }

    @Override
    public void audio(ByteBuf frame) {
        if (ended.get()) {
            return;
        }
        if (AudioSocketDecoder.kindOf(frame) != spec.format().kind()) {
            warnRate("caller audio of kind " + AudioSocketDecoder.kindOf(frame));
            return;
        }
        heardCaller = true;
        feed.audio(frame, System.nanoTime(), runnerReady ? runner : null);
    }

    /** One 20 ms slot (from {@link PlayoutClocks}): queued audio or silence; end_call hangs up once the queue ran dry. */
    void tick() {
        if (caller == null || !caller.isActive()) {
            return;
        }
        if (caller.isWritable()) {
            ByteBuf out = caller.alloc().buffer(bridge.frameBytes());
            bridge.nextFrame(playout, System.nanoTime(), out);
            caller.writeAndFlush(out, caller.voidPromise());
        }
        tools.played(playout.isEmpty());
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
        feed.runnerReady(runner, System.nanoTime());
        hooks.running(this);
    }

    @Override
    public void runnerAudio(ByteBuf frame, int offset, int length, int sampleRate, int channels) {
        int queued = channels == 1 ? bridge.runnerToQueue(frame, offset, length, sampleRate, playout) : -1;
        if (queued < 0) {
            warnRate("runner audio at " + sampleRate + " Hz x" + channels);
        } else {
            playout.arrived(System.nanoTime(), queued);
        }
    }

    @Override
    public void runnerInterruption() {
        playout.clear();
    }

    @Override
    public void runnerMessage(String json) {
        SessionMessages.Inbound message = messages.parse(json);
        switch (message) {
            case SessionMessages.Inbound.FunctionCall f -> tools.call(f.call());
            case SessionMessages.Inbound.Interrupt i -> playout.clear();
            case SessionMessages.Inbound.Other o -> log.debug("pipecatcall {}: runner message {}", spec.id(), o.type());
        }
    }

    @Override
    public void runnerText(String text) {
        log.debug("pipecatcall {}: runner text {}", spec.id(), text);
    }

    @Override
    public void runnerSkipped(String fields) {
        if (skippedRunnerFrames++ == 0) {
            log.warn("pipecatcall {}: skipping runner frames of unknown type (fields {})", spec.id(), fields);
        }
        hooks.runnerFrameSkipped(this);
    }

    @Override
    public void runnerClosed(String reason) {
        runnerReady = false;
        end(reason);
    }

    void sendMessage(String json) {
        if (runnerReady && runner.isActive()) {
            runner.writeAndFlush(new BinaryWebSocketFrame(RunnerCodec.message(json)), runner.voidPromise());
        }
    }

    void onLoop(Runnable task) {
        loop.execute(task);
    }

    /** Ends the session once, from any thread: hangup frame to Asterisk, close to the runner. */
    public void end(String reason) {
        if (!ended.compareAndSet(false, true)) {
            return;
        }
        log.info("pipecatcall {} (call {}) ended: {}; {} ms of caller audio dropped, {} runner frames skipped",
                spec.id(), spec.callId(), reason, feed.droppedMillis(), skippedRunnerFrames);
        closeChannels();
        hooks.ended(this, reason);
    }

    /**
     * Closes this attempt without ending the pipecatcall (a new session in another format takes its
     * place): Asterisk gets the hangup frame and drops its channel, the runner connection closes.
     */
    void replace(String why) {
        if (ended.compareAndSet(false, true)) {
            log.info("pipecatcall {} (call {}): {}, starting over", spec.id(), spec.callId(), why);
            closeChannels();
        }
    }

    private void closeChannels() {
        EventLoop l = loop;
        if (l == null) {
            return;
        }
        l.execute(() -> {
            clocks.leave(l, this);
            feed.close();
            if (caller.isActive()) {
                caller.writeAndFlush(AudioSocketFrame.HANGUP).addListener(ChannelFutureListener.CLOSE);
            }
            if (runner != null && runner.isActive()) {
                runner.writeAndFlush(new CloseWebSocketFrame()).addListener(ChannelFutureListener.CLOSE);
            }
        });
    }

    private void warnRate(String what) {
        if (!warnedRate) {
            warnedRate = true;
            log.warn("pipecatcall {} ({}): dropping {}", spec.id(), spec.format().wireName(), what);
        }
    }
}
