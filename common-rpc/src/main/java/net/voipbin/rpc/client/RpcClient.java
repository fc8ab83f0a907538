package net.voipbin.rpc.client;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.amqp.AmqpException;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;

import com.rabbitmq.client.AMQP;

import net.voipbin.rpc.envelope.RpcRequest;
import net.voipbin.rpc.envelope.RpcResponse;
import net.voipbin.rpc.error.ApiException;
import net.voipbin.rpc.error.ErrorBody;
import net.voipbin.rpc.metrics.FleetMetrics;
import net.voipbin.rpc.trace.Trace;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Request/response over RabbitMQ: the request goes to the callee's queue through the default
 * exchange (mandatory: no such queue fails at once with 503), the answer comes back on direct
 * reply-to (or an exclusive reply queue per channel where the broker lacks it). Every call has a deadline; the request also expires in the broker at that deadline, so
 * a late callee never acts on a request its caller gave up on.
 */
public final class RpcClient {

    /**
     * The header with the absolute deadline (epoch milliseconds) a request carries on brokers without
     * RabbitMQ's relative per-message TTL: AMQP 0-8/0-9 brokers such as Qpid read {@code expiration} as
     * an absolute time, so a relative one expires every request at once.
     */
    public static final String DEADLINE_HEADER = "deadline";

    private final ReplyChannel[] channels;
    private final boolean rabbitMq;
    private final Map<String, CompletableFuture<byte[]>> pending = new ConcurrentHashMap<>();
    private final AtomicLong sequence = new AtomicLong();
    private final String idPrefix = UUID.randomUUID().toString().substring(0, 8) + "-";
    private final JsonMapper json;
    private final String publisher;
    private final Duration defaultTimeout;
    private final FleetMetrics metrics;

    /**
     * @param directReplyTo false on brokers without RabbitMQ's direct reply-to: each channel then
     *                      consumes an exclusive reply queue of its own
     * @param channels      how many publishing channels concurrent callers share
     */
    public RpcClient(ConnectionFactory connectionFactory, boolean directReplyTo, int channels, JsonMapper json,
            String publisher, Duration defaultTimeout) {
        this(connectionFactory, directReplyTo, channels, json, publisher, defaultTimeout, FleetMetrics.none());
    }

    /** @param metrics times every request sent, by target queue, route and outcome */
    public RpcClient(ConnectionFactory connectionFactory, boolean directReplyTo, int channels, JsonMapper json,
            String publisher, Duration defaultTimeout, FleetMetrics metrics) {
        this.metrics = metrics;
        this.rabbitMq = directReplyTo;
        this.channels = new ReplyChannel[Math.max(1, channels)];
        for (int i = 0; i < this.channels.length; i++) {
            this.channels[i] = new ReplyChannel(connectionFactory, directReplyTo, pending);
        }
        this.json = json;
        this.publisher = publisher;
        this.defaultTimeout = defaultTimeout;
    }

    public Duration defaultTimeout() {
        return defaultTimeout;
    }

    /** The raw response, whatever its status; fails only on timeout or an unroutable request. */
    public RpcResponse send(String queue, String method, String uri, Object body) {
        return send(queue, method, uri, body, defaultTimeout);
    }

    public RpcResponse send(String queue, String method, String uri, Object body, Duration timeout) {
        try {
            return sendAsync(queue, method, uri, body, timeout).join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException re ? re : e;
        }
    }

    /** Non-blocking form: completes with the response, or exceptionally with an {@link ApiException}. */
    public CompletableFuture<RpcResponse> sendAsync(String queue, String method, String uri, Object body,
            Duration timeout) {
        OutgoingRequest request = new OutgoingRequest(uri, method, publisher, RpcRequest.JSON, body);
        long number = sequence.incrementAndGet();
        String correlationId = idPrefix + number;
        CompletableFuture<byte[]> reply = new CompletableFuture<>();
        long start = System.nanoTime();
        pending.put(correlationId, reply);
        try {
            channels[(int) (number % channels.length)].publish(queue, properties(correlationId, timeout, rabbitMq),
                    json.writeValueAsBytes(request));
        } catch (IOException | AmqpException e) {
            pending.remove(correlationId);
            return CompletableFuture.failedFuture(ApiException.unavailable("cannot send " + method + " " + uri
                    + " to " + queue + ": " + e.getMessage()));
        }
        return reply.orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS).handle((bytes, failure) -> {
            if (failure != null) {
                pending.remove(correlationId);
                RuntimeException error = translate(unwrap(failure), queue, request, timeout);
                metrics.rpcSent(queue, method, uri, error instanceof RpcTimeoutException ? "timeout" : "failed",
                        System.nanoTime() - start);
                throw error;
            }
            RpcResponse response = toResponse(bytes);
            metrics.rpcSent(queue, method, uri, Integer.toString(response.statusCode()), System.nanoTime() - start);
            return response;
        });
    }

    /** Calls and maps a 2xx body to {@code type}; a 4xx/5xx becomes {@link RpcErrorException}. */
    public <T> T call(String queue, String method, String uri, Object body, Class<T> type) {
        return decode(requireSuccess(send(queue, method, uri, body)), json.constructType(type));
    }

    public <T> List<T> callForList(String queue, String method, String uri, Object body, Class<T> element) {
        JavaType listType = json.getTypeFactory().constructCollectionType(List.class, element);
        return decode(requireSuccess(send(queue, method, uri, body)), listType);
    }

    /** Calls for the effect only; a 4xx/5xx becomes {@link RpcErrorException}. */
    public void execute(String queue, String method, String uri, Object body) {
        requireSuccess(send(queue, method, uri, body));
    }

    public <T> CompletableFuture<T> callAsync(String queue, String method, String uri, Object body, Class<T> type,
            Duration timeout) {
        return sendAsync(queue, method, uri, body, timeout)
                .thenApply(response -> decode(requireSuccess(response), json.constructType(type)));
    }

    private RpcResponse requireSuccess(RpcResponse response) {
        if (response.isError()) {
            throw new RpcErrorException(response.statusCode(), errorBody(response.data()));
        }
        return response;
    }

    private ErrorBody errorBody(JsonNode data) {
        if (data == null || !data.isObject()) {
            return ErrorBody.of("error", data == null ? "" : data.toString());
        }
        return json.treeToValue(data, ErrorBody.class);
    }

    private <T> T decode(RpcResponse response, JavaType type) {
        JsonNode data = response.data();
        if (data == null) {
            throw new ApiException(502, "empty_response", "expected a " + type.getRawClass().getSimpleName()
                    + " but the response had no data");
        }
        return json.treeToValue(data, type);
    }

    /** The request envelope as written: the body goes out as it is, without an intermediate tree. */
    private record OutgoingRequest(String uri, String method, String publisher, String dataType, Object data) {

        OutgoingRequest {
            if (uri == null || !uri.startsWith("/") || method == null || method.isBlank()) {
                throw new IllegalArgumentException("an RPC request needs a method and a URI starting with '/'");
            }
            method = method.toUpperCase(java.util.Locale.ROOT);
        }
    }

    private static AMQP.BasicProperties.Builder properties(String correlationId, Duration timeout, boolean rabbitMq) {
        AMQP.BasicProperties.Builder properties = new AMQP.BasicProperties.Builder()
                .contentType(RpcRequest.JSON)
                .deliveryMode(1)
                .correlationId(correlationId);
        if (rabbitMq) {
            return properties.expiration(Long.toString(timeout.toMillis()))
                    .headers(Map.of(Trace.HEADER, Trace.currentOrNew()));
        }
        return properties.headers(Map.of(Trace.HEADER, Trace.currentOrNew(),
                DEADLINE_HEADER, System.currentTimeMillis() + timeout.toMillis()));
    }

    private RpcResponse toResponse(byte[] body) {
        try {
            return json.readValue(body, RpcResponse.class);
        } catch (RuntimeException e) {
            throw new ApiException(502, "bad_response", "unparsable RPC response: " + e.getMessage());
        }
    }

    private static Throwable unwrap(Throwable failure) {
        Throwable t = failure;
        while (t instanceof CompletionException && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    private static RuntimeException translate(Throwable failure, String queue, OutgoingRequest request,
            Duration timeout) {
        if (failure instanceof TimeoutException) {
            return new RpcTimeoutException(queue, request.method(), request.uri(), timeout);
        }
        if (failure instanceof ApiException api) {
            return api;
        }
        return ApiException.unavailable("RPC " + request.method() + " " + request.uri() + " on " + queue
                + " failed: " + failure.getMessage());
    }
}
