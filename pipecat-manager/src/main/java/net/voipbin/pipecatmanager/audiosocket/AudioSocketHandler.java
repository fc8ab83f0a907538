package net.voipbin.pipecatmanager.audiosocket;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.CorruptedFrameException;
import io.netty.util.ReferenceCountUtil;

/**
 * Last stage of one AudioSocket connection: expects the UUID first, binds the connection to its
 * session, then forwards audio and DTMF. A protocol error closes this connection (logged with its
 * UUID) and nothing else; the session hears {@code closed} exactly once.
 */
public final class AudioSocketHandler extends ChannelInboundHandlerAdapter {

    private static final Logger log = LoggerFactory.getLogger(AudioSocketHandler.class);

    private final AudioSocketSessions sessions;
    private CallerLeg leg;
    private String closeReason = "socket closed";
    private Object id = "(no uuid yet)";

    public AudioSocketHandler(AudioSocketSessions sessions) {
        this.sessions = sessions;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        try {
            if (msg instanceof ByteBuf audio) {
                requireLeg().audio(audio);
            } else if (msg instanceof AudioSocketFrame frame) {
                control(ctx, frame);
            }
        } finally {
            ReferenceCountUtil.release(msg);
        }
    }

    private void control(ChannelHandlerContext ctx, AudioSocketFrame frame) {
        switch (frame) {
            case AudioSocketFrame.Uuid uuid -> bind(ctx, uuid);
            case AudioSocketFrame.Dtmf dtmf -> requireLeg().dtmf(dtmf.digit());
            case AudioSocketFrame.Hangup hangup -> close(ctx, "hangup");
            case AudioSocketFrame.Error error -> {
                log.warn("AudioSocket {}: Asterisk reported error code {}", id, error.code());
                close(ctx, "asterisk error " + error.code());
            }
        }
    }

    private void bind(ChannelHandlerContext ctx, AudioSocketFrame.Uuid uuid) {
        if (leg != null) {
            throw new CorruptedFrameException("second UUID frame");
        }
        id = uuid.id();
        leg = sessions.attach(uuid.id(), ctx.channel()).orElse(null);
        if (leg == null) {
            log.warn("AudioSocket {}: no session expects this UUID, closing", id);
            ctx.close();
        } else {
            log.info("AudioSocket {}: attached from {}", id, ctx.channel().remoteAddress());
        }
    }

    private CallerLeg requireLeg() {
        if (leg == null) {
            throw new CorruptedFrameException("audio or DTMF before the UUID frame");
        }
        return leg;
    }

    private void close(ChannelHandlerContext ctx, String reason) {
        closeReason = reason;
        ctx.close();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (cause instanceof java.io.IOException) {
            // Asterisk went away mid-write (reset, broken pipe): an end of call, not a protocol fault.
            log.info("AudioSocket {}: connection lost: {}", id, cause.getMessage());
            close(ctx, "connection lost");
            return;
        }
        log.error("AudioSocket {}: protocol error, closing this session: {}", id, cause.toString());
        close(ctx, "protocol error: " + cause.getMessage());
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (leg != null) {
            CallerLeg gone = leg;
            leg = null;
            gone.closed(closeReason);
        }
        ctx.fireChannelInactive();
    }
}
