package net.voipbin.pipecatmanager.runner;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolHandler.ClientHandshakeStateEvent;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;

/** Last stage of the runner connection: protobuf frames to {@link RunnerListener} calls. */
final class RunnerFrameHandler extends SimpleChannelInboundHandler<WebSocketFrame> {

    private static final Logger log = LoggerFactory.getLogger(RunnerFrameHandler.class);

    private final RunnerListener listener;
    private String closeReason = "runner closed the connection";

    RunnerFrameHandler(RunnerListener listener) {
        this.listener = listener;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, WebSocketFrame frame) {
        if (frame instanceof BinaryWebSocketFrame) {
            RunnerCodec.decode(frame.content(), listener);
        } else {
            log.debug("ignoring non-binary WebSocket frame {}", frame.getClass().getSimpleName());
        }
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
        if (event == ClientHandshakeStateEvent.HANDSHAKE_COMPLETE) {
            listener.runnerConnected();
        }
        ctx.fireUserEventTriggered(event);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        log.error("runner connection {}: {}, closing", ctx.channel().remoteAddress(), cause.toString());
        closeReason = "runner protocol error: " + cause.getMessage();
        ctx.close();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        listener.runnerClosed(closeReason);
        ctx.fireChannelInactive();
    }
}
