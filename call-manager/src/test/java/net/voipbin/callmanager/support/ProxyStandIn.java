package net.voipbin.callmanager.support;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletionStage;

import org.springframework.amqp.core.AcknowledgeMode;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.amqp.rabbit.listener.DirectMessageListenerContainer;
import org.springframework.amqp.rabbit.listener.api.ChannelAwareMessageListener;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;

import net.voipbin.asterisksim.AsteriskSim;
import net.voipbin.contract.asteriskproxy.AsteriskProxyEvents;
import net.voipbin.contract.asteriskproxy.ProxyConnected;
import net.voipbin.rpc.envelope.Event;
import net.voipbin.rpc.envelope.RpcRequest;
import net.voipbin.rpc.envelope.RpcResponse;
import net.voipbin.rpc.topology.Topology;
import net.voipbin.testsupport.TestInfra;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Stands in for asterisk-proxy (not yet usable as a test dependency): the simulator's ARI WebSocket
 * events published as {@code ari_event} envelopes on {@code asterisk.all.event} in order, and ARI
 * commands from {@code asterisk.<id>.request} / {@code asterisk.call.request} executed as real HTTP
 * requests against the simulator, Asterisk's status and body sent back as the RPC response.
 */
public final class ProxyStandIn implements AutoCloseable {

    public static final String ASTERISK_ID = "asterisk-test";

    private final AsteriskSim sim;
    private final JsonMapper json;
    private final Topology topology;
    /** One channel for every event: the broker keeps order only per channel, as the real proxy knows. */
    private final com.rabbitmq.client.Connection publisherConnection;
    private final Channel publisher;
    private final HttpClient http = HttpClient.newHttpClient();
    private final DirectMessageListenerContainer rpc;
    private final String auth;
    private WebSocket socket;

    public ProxyStandIn(AsteriskSim sim, ConnectionFactory connectionFactory, JsonMapper json, Topology topology) {
        this.sim = sim;
        this.json = json;
        this.topology = topology;
        try {
            this.publisherConnection = TestInfra.rabbit().connectionFactory().newConnection("proxy-stand-in");
            this.publisher = publisherConnection.createChannel();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        this.auth = "Basic " + Base64.getEncoder().encodeToString("asterisk:asterisk".getBytes(StandardCharsets.UTF_8));
        RabbitAdmin admin = new RabbitAdmin(connectionFactory);
        List<String> queues = List.of(topology.asteriskRequestQueue(ASTERISK_ID), topology.asteriskCallRequestQueue());
        queues.forEach(q -> {
            admin.declareQueue(new Queue(q, true, false, false));
            TestInfra.rememberQueue(q);
        });
        TestInfra.rememberQueue(topology.asteriskEvents());
        TestInfra.rememberQueue(topology.asteriskEvents() + ".dead");
        rpc = new DirectMessageListenerContainer(connectionFactory);
        rpc.setQueueNames(queues.toArray(String[]::new));
        rpc.setConsumersPerQueue(4);
        rpc.setAcknowledgeMode(AcknowledgeMode.AUTO);
        rpc.setMessageListener((ChannelAwareMessageListener) this::command);
        rpc.start();
        connect();
    }

    private void connect() {
        socket = http.newWebSocketBuilder().header("Authorization", auth)
                .buildAsync(URI.create(sim.eventsUrl()), new Listener()).join();
        publish(new Event(AsteriskProxyEvents.PROXY_CONNECTED, AsteriskProxyEvents.PUBLISHER, Instant.now(),
                RpcRequest.JSON, json.valueToTree(new ProxyConnected(ASTERISK_ID, sim.channelIds())), ASTERISK_ID));
    }

    /** Publishes any envelope on the ARI event exchange (tests inject malformed ones too). */
    public void publish(Event event) {
        publishRaw(json.writeValueAsBytes(event));
    }

    public synchronized void publishRaw(byte[] body) {
        try {
            publisher.basicPublish(topology.asteriskEvents(), "", new AMQP.BasicProperties.Builder()
                    .contentType("application/json").deliveryMode(2).build(), body);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private final class Listener implements WebSocket.Listener {

        private final StringBuilder frame = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            frame.append(data);
            if (last) {
                JsonNode ari = json.readTree(frame.toString());
                frame.setLength(0);
                publish(new Event(AsteriskProxyEvents.ARI_EVENT, AsteriskProxyEvents.PUBLISHER, Instant.now(),
                        RpcRequest.JSON, ari, ASTERISK_ID));
            }
            webSocket.request(1);
            return null;
        }
    }

    private void command(Message message, Channel channel) throws Exception {
        RpcRequest request = json.readValue(message.getBody(), RpcRequest.class);
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(sim.baseUrl() + request.uri()))
                .header("Authorization", auth).method(request.method(), HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        JsonNode body = response.body().isBlank() ? null : json.readTree(response.body());
        byte[] reply = json.writeValueAsBytes(new RpcResponse(response.statusCode(), RpcRequest.JSON, body));
        MessageProperties props = message.getMessageProperties();
        channel.basicPublish("", props.getReplyTo(), new AMQP.BasicProperties.Builder()
                .correlationId(props.getCorrelationId()).contentType("application/json").build(), reply);
    }

    /** The simulator's view of a bridge: its channel ids (empty when it does not exist). */
    public List<String> bridgeChannels(String bridgeId) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                    URI.create(sim.baseUrl() + "/ari/bridges/" + bridgeId)).header("Authorization", auth).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            List<String> ids = new ArrayList<>();
            if (response.statusCode() == 200) {
                json.readTree(response.body()).path("channels").forEach(id -> ids.add(id.asString()));
            }
            return ids;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        rpc.stop();
        try {
            publisherConnection.close();
        } catch (Exception e) {
            // closing anyway
        }
        if (socket != null) {
            socket.abort();
        }
    }
}
