package net.voipbin.asteriskproxy.rpc;

import java.io.IOException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.rabbit.listener.api.ChannelAwareMessageListener;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;

import net.voipbin.asteriskproxy.ari.AriRestClient;
import net.voipbin.rpc.envelope.RpcRequest;
import net.voipbin.rpc.envelope.RpcResponse;
import net.voipbin.rpc.error.ErrorBody;
import net.voipbin.rpc.trace.Trace;
import tools.jackson.databind.json.JsonMapper;

/**
 * Serves {@code asterisk.<id>.request} and {@code asterisk.call.request}: any ARI path, not a route
 * table, so this is a listener of its own rather than an {@code RpcEndpoint}. It speaks common-rpc's
 * envelopes exactly like its {@code RpcServer}: the request's method + URI go to ARI REST, Asterisk's
 * status and body come back to {@code reply_to} with the correlation id. An undecodable request is
 * answered 400 and dropped.
 */
public final class AriRpcListener implements ChannelAwareMessageListener {

    private static final Logger log = LoggerFactory.getLogger(AriRpcListener.class);

    private final AriRestClient ari;
    private final JsonMapper json;

    public AriRpcListener(AriRestClient ari, JsonMapper json) {
        this.ari = ari;
        this.json = json;
    }

    @Override
    public void onMessage(Message message, Channel channel) {
        MessageProperties properties = message.getMessageProperties();
        Trace.runWith(properties.getHeader(Trace.HEADER), () -> reply(channel, properties, answer(message)));
    }

    private RpcResponse answer(Message message) {
        RpcRequest request;
        try {
            request = json.readValue(message.getBody(), RpcRequest.class);
        } catch (RuntimeException e) {
            log.warn("unparsable ARI RPC request dropped: {}", e.getMessage());
            return new RpcResponse(400, RpcRequest.JSON,
                    json.valueToTree(ErrorBody.of("invalid_request", "unparsable RPC request: " + e.getMessage())));
        }
        RpcResponse response = ari.execute(request.method(), request.uri(), request.data());
        log.debug("ARI {} {} from {} -> {}", request.method(), request.uri(), request.publisher(), response.statusCode());
        return response;
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
