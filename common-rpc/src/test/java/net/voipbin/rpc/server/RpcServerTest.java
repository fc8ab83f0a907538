package net.voipbin.rpc.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageProperties;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;

import net.voipbin.rpc.envelope.RpcRequest;
import net.voipbin.rpc.envelope.RpcResponse;
import net.voipbin.rpc.json.Json;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class RpcServerTest {

    private final JsonMapper json = Json.newMapper();
    private final AtomicInteger handled = new AtomicInteger();
    private final RpcServer server = new RpcServer(request -> {
        handled.incrementAndGet();
        return new RpcResponse(200, RpcRequest.JSON, null);
    }, json, 100);

    @Test
    void aRequestOverTheMaximumIsAnswered400UnreadAndNeverHandled() throws Exception {
        byte[] body = ("{\"uri\":\"/v1/x\",\"method\":\"GET\",\"publisher\":\"t\",\"data\":\"" + "x".repeat(200) + "\"}")
                .getBytes(StandardCharsets.UTF_8);

        JsonNode answer = answerTo(body);

        assertThat(answer.path("status_code").asInt()).isEqualTo(400);
        assertThat(answer.path("data").path("error").asString()).isEqualTo("invalid_request");
        assertThat(answer.path("data").path("message").asString())
                .isEqualTo("request too large (oversize: " + body.length + " bytes > 100)");
        assertThat(handled).hasValue(0);
    }

    @Test
    void jsonThatIsNoRequestEnvelopeIsAnswered400() throws Exception {
        JsonNode answer = answerTo("{\"hello\":1}".getBytes(StandardCharsets.UTF_8));

        assertThat(answer.path("status_code").asInt()).isEqualTo(400);
        assertThat(answer.path("data").path("message").asString()).startsWith("unparsable RPC request:").contains("uri");
        assertThat(handled).hasValue(0);
    }

    private JsonNode answerTo(byte[] body) throws Exception {
        MessageProperties properties = new MessageProperties();
        properties.setReplyTo("reply-here");
        properties.setCorrelationId("c-1");
        Channel channel = mock(Channel.class);
        server.onMessage(new Message(body, properties), channel);
        ArgumentCaptor<byte[]> reply = ArgumentCaptor.forClass(byte[].class);
        verify(channel).basicPublish(eq(""), eq("reply-here"), any(AMQP.BasicProperties.class), reply.capture());
        return json.readTree(reply.getValue());
    }
}
