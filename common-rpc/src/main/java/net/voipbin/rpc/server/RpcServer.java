package net.voipbin.rpc.server;

import java.io.IOException;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.rabbit.listener.api.ChannelAwareMessageListener;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;

import net.voipbin.rpc.client.RpcClient;
import net.voipbin.rpc.envelope.RpcRequest;
import net.voipbin.rpc.envelope.RpcResponse;
import net.voipbin.rpc.error.ErrorBody;
import net.voipbin.rpc.event.MessageSize;
import net.voipbin.rpc.metrics.FleetMetrics;
import net.voipbin.rpc.trace.Trace;
import tools.jackson.databind.json.JsonMapper;

/**
 * Consumes a request queue: decodes the envelope, lets the handler answer (a service's
 * {@link RpcRouter}, or asterisk-proxy's pass-through to ARI) and replies on the consumer's own
 * channel to {@code reply_to} with the request's correlation id. A request that cannot even be decoded
 * is answered 400 and dropped (never requeued): a poison message costs one log line. So is a request
 * over {@code voipbin.rpc.max-request-size}, without being decoded.
 */
public final class RpcServer implements ChannelAwareMessageListener {

    private static final Logger log = LoggerFactory.getLogger(RpcServer.class);

    private final Function<RpcRequest, RpcResponse> handler;
    private final JsonMapper json;
    private final long maxBytes;
    private final FleetMetrics metrics;

    /**
     * @param handler  answers every decoded request; an exception it throws is answered 500
     * @param maxBytes a request body over this many bytes is answered 400 unread
     * @param metrics  times every request answered, by route and status
     */
    public RpcServer(Function<RpcRequest, RpcResponse> handler, JsonMapper json, long maxBytes, FleetMetrics metrics) {
        this.handler = handler;
        this.json = json;
        this.maxBytes = maxBytes;
        this.metrics = metrics;
    }

    public RpcServer(Function<RpcRequest, RpcResponse> handler, JsonMapper json, long maxBytes) {
        this(handler, json, maxBytes, FleetMetrics.none());
    }

    public RpcServer(Function<RpcRequest, RpcResponse> handler, JsonMapper json) {
        this(handler, json, MessageSize.DEFAULT_MAX_BYTES);
    }

    public RpcServer(RpcRouter router, JsonMapper json, long maxBytes, FleetMetrics metrics) {
        this(router::dispatch, json, maxBytes, metrics);
    }

    public RpcServer(RpcRouter router, JsonMapper json, long maxBytes) {
        this(router::dispatch, json, maxBytes);
    }

    public RpcServer(RpcRouter router, JsonMapper json) {
        this(router::dispatch, json);
    }

    @Override
    public void onMessage(Message message, Channel channel) throws IOException {
        MessageProperties properties = message.getMessageProperties();
        Trace.runWith(properties.getHeader(Trace.HEADER), () -> {
            if (pastDeadline(properties)) {
                return;
            }
            reply(channel, properties, answer(message));
        });
    }

    /**
     * A request whose caller has given up (its deadline header, set where the broker cannot expire
     * it) is not acted on: the caller already reported a timeout.
     */
    private static boolean pastDeadline(MessageProperties properties) {
        Object deadline = properties.getHeader(RpcClient.DEADLINE_HEADER);
        if (!(deadline instanceof Number millis) || System.currentTimeMillis() <= millis.longValue()) {
            return false;
        }
        log.warn("RPC request {} dropped: its caller gave up {} ms ago", properties.getCorrelationId(),
                System.currentTimeMillis() - millis.longValue());
        return true;
    }

    private RpcResponse answer(Message message) {
        int size = message.getBody().length;
        if (size > maxBytes) {
            return invalid("request too large (" + MessageSize.oversize(size, maxBytes) + ")");
        }
        RpcRequest request;
        try {
            request = json.readValue(message.getBody(), RpcRequest.class);
        } catch (RuntimeException e) {
            return invalid("unparsable RPC request: " + String.valueOf(e.getMessage()).lines().findFirst().orElse(""));
        }
        long start = System.nanoTime();
        RpcResponse response;
        try {
            response = handler.apply(request);
        } catch (RuntimeException e) {
            log.error("RPC {} {} from {} failed", request.method(), request.uri(), request.publisher(), e);
            response = new RpcResponse(500, RpcRequest.JSON,
                    json.valueToTree(ErrorBody.of("internal_error", String.valueOf(e.getMessage()))));
        }
        metrics.rpcServed(request.method(), request.uri(), response.statusCode(), System.nanoTime() - start);
        return response;
    }

    private RpcResponse invalid(String reason) {
        log.warn("RPC request dropped: {}", reason);
        metrics.rpcServed("unknown", "invalid", 400, 0);
        return new RpcResponse(400, RpcRequest.JSON, json.valueToTree(ErrorBody.of("invalid_request", reason)));
    }

    private void reply(Channel channel, MessageProperties request, RpcResponse response) {
        String replyTo = request.getReplyTo();
        if (replyTo == null || replyTo.isEmpty()) {
            return;
        }
        AMQP.BasicProperties properties = new AMQP.BasicProperties.Builder()
                .contentType(MessageProperties.CONTENT_TYPE_JSON)
                .correlationId(request.getCorrelationId())
                .deliveryMode(1)
                .build();
        try {
            channel.basicPublish("", replyTo, properties, json.writeValueAsBytes(response));
        } catch (IOException | RuntimeException e) {
            log.warn("could not reply to {}: {}", replyTo, e.getMessage());
        }
    }
}
