package net.voipbin.asterisksim;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PongWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshaker;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshakerFactory;
import tools.jackson.databind.JsonNode;

/**
 * Routes one connection's requests: {@code /ari/events} upgrades to the events WebSocket,
 * {@code /ari/...} is REST (logged, authenticated, answered on the simulator thread), {@code /sim/...}
 * is the control API for local mode. ARI credentials come as basic auth or {@code api_key=user:pass}.
 */
final class SimHttpHandler extends SimpleChannelInboundHandler<Object> {

    private final AsteriskSim sim;

    SimHttpHandler(AsteriskSim sim) {
        this.sim = sim;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, Object message) {
        if (message instanceof FullHttpRequest request) {
            http(ctx, request);
        } else if (message instanceof PingWebSocketFrame ping) {
            ctx.writeAndFlush(new PongWebSocketFrame(ping.content().retain()));
        } else if (message instanceof CloseWebSocketFrame) {
            ctx.writeAndFlush(new CloseWebSocketFrame()).addListener(ChannelFutureListener.CLOSE);
        } else if (!(message instanceof WebSocketFrame)) {
            ctx.close();
        }
    }

    /** A client that resets its connection is no event worth a stack trace. */
    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        ctx.close();
    }

    private void http(ChannelHandlerContext ctx, FullHttpRequest request) {
        QueryStringDecoder uri = new QueryStringDecoder(request.uri());
        String path = uri.path();
        Map<String, String> query = firstValues(uri.parameters());
        String body = request.content().toString(UTF_8);
        boolean keepAlive = HttpUtil.isKeepAlive(request);
        if (path.startsWith("/sim/")) {
            AriResponse response = sim.control().handle(request.method().name(), path, query, body);
            respond(ctx, keepAlive, response);
        } else if (!path.startsWith("/ari/")) {
            respond(ctx, keepAlive, AriResponse.error(404, "Resource not found"));
        } else if (!authorized(request, query)) {
            sim.record(new RecordedRequest(request.method().name(), path, rawQuery(request.uri()), body));
            respond(ctx, keepAlive, AriResponse.error(401, "Authentication required"));
        } else if (path.equals("/ari/events")) {
            upgrade(ctx, request, query);
        } else {
            sim.record(new RecordedRequest(request.method().name(), path, rawQuery(request.uri()), body));
            rest(ctx, keepAlive, request.method().name(), path.substring("/ari".length()), query, body);
        }
    }

    private void rest(ChannelHandlerContext ctx, boolean keepAlive, String method, String path,
            Map<String, String> query, String body) {
        JsonNode json;
        try {
            json = body.isBlank() ? null : AriJson.parse(body);
        } catch (RuntimeException e) {
            respond(ctx, keepAlive, AriResponse.error(400, "Malformed JSON body"));
            return;
        }
        AriRequest request = AriRequest.of(method, path, query, json);
        sim.gate(method, path).thenRun(() -> sim.world().submit(() -> sim.routes().handle(request))
                .whenComplete((response, error) -> respond(ctx, keepAlive,
                        error == null ? response : AriResponse.error(500, String.valueOf(error)))));
    }

    private void upgrade(ChannelHandlerContext ctx, FullHttpRequest request, Map<String, String> query) {
        if (!query.containsKey("app")) {
            respond(ctx, false, AriResponse.error(400, "Missing parameter app"));
            return;
        }
        String location = "ws://" + request.headers().get(HttpHeaderNames.HOST) + "/ari/events";
        WebSocketServerHandshaker handshaker =
                new WebSocketServerHandshakerFactory(location, null, true, 1 << 20).newHandshaker(request);
        if (handshaker == null) {
            WebSocketServerHandshakerFactory.sendUnsupportedVersionResponse(ctx.channel());
            return;
        }
        handshaker.handshake(ctx.channel(), request).addListener(done -> {
            if (done.isSuccess()) {
                sim.hub().add(ctx.channel(), query.get("app"));
            }
        });
    }

    private boolean authorized(FullHttpRequest request, Map<String, String> query) {
        String expected = sim.config().user() + ":" + sim.config().password();
        String apiKey = query.get("api_key");
        if (apiKey != null) {
            return apiKey.equals(expected);
        }
        String header = request.headers().get(HttpHeaderNames.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return false;
        }
        try {
            return new String(Base64.getDecoder().decode(header.substring(6).trim()), UTF_8).equals(expected);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static void respond(ChannelHandlerContext ctx, boolean keepAlive, AriResponse response) {
        ByteBuf content = response.body() == null ? Unpooled.EMPTY_BUFFER : Unpooled.copiedBuffer(response.body(), UTF_8);
        FullHttpResponse http = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                HttpResponseStatus.valueOf(response.status()), content);
        if (response.body() != null) {
            http.headers().set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_JSON);
        }
        if (response.status() == 401) {
            http.headers().set(HttpHeaderNames.WWW_AUTHENTICATE, "Basic realm=\"Asterisk REST Interface\"");
        }
        http.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, content.readableBytes());
        if (keepAlive) {
            http.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE);
            ctx.writeAndFlush(http);
        } else {
            ctx.writeAndFlush(http).addListener(ChannelFutureListener.CLOSE);
        }
    }

    private static Map<String, String> firstValues(Map<String, List<String>> parameters) {
        Map<String, String> first = new HashMap<>();
        parameters.forEach((key, values) -> first.put(key, values.isEmpty() ? "" : values.getFirst()));
        return first;
    }

    private static String rawQuery(String uri) {
        int mark = uri.indexOf('?');
        return mark < 0 ? "" : uri.substring(mark + 1);
    }
}
