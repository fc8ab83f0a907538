package net.voipbin.callmanager.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;

import net.voipbin.asteriskproxy.AsteriskProxyApplication;
import net.voipbin.asterisksim.AsteriskSim;
import net.voipbin.rpc.envelope.Event;
import net.voipbin.rpc.topology.Topology;
import net.voipbin.testsupport.TestInfra;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Asterisk side of the tests: the simulator behind the real asterisk-proxy, started in-process in
 * its own Spring context on the test's namespace. Tests may also put envelopes of their own on
 * {@code asterisk.all.event} (malformed events, a reconnect's {@code proxy_connected}), and read the
 * simulator's bridges over ARI to check who is really connected with whom.
 */
public final class AsteriskEdge implements AutoCloseable {

    public static final String ASTERISK_ID = "asterisk-test";

    private final AsteriskSim sim;
    private final JsonMapper json;
    private final Topology topology;
    private volatile ConfigurableApplicationContext proxy;
    private final Connection connection;
    private final Channel publisher;
    private final HttpClient http = HttpClient.newHttpClient();
    private final String auth;

    public AsteriskEdge(AsteriskSim sim, JsonMapper json, Topology topology) {
        this.sim = sim;
        this.json = json;
        this.topology = topology;
        this.auth = "Basic " + Base64.getEncoder().encodeToString("asterisk:asterisk".getBytes(StandardCharsets.UTF_8));
        for (String queue : List.of(topology.asteriskRequestQueue(ASTERISK_ID), topology.asteriskCallRequestQueue(),
                topology.asteriskEvents(), topology.asteriskEvents() + ".dead", topology.requestQueue("asterisk-proxy"))) {
            TestInfra.rememberQueue(queue);
        }
        this.proxy = startProxy(sim, topology.namespace());
        try {
            this.connection = TestInfra.rabbit().connectionFactory().newConnection("test-ari-injector");
            this.publisher = connection.createChannel();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Command-line arguments win over the application.yml on the class path, which is call-manager's
     * here: the proxy gets its own name, no database and the simulator's URL.
     */
    private static ConfigurableApplicationContext startProxy(AsteriskSim sim, String namespace) {
        return new SpringApplicationBuilder(AsteriskProxyApplication.class)
                .web(WebApplicationType.NONE)
                .run("--spring.config.name=asterisk-proxy-test",
                        "--spring.application.name=asterisk-proxy",
                        "--voipbin.amqp.namespace=" + namespace,
                        "--spring.rabbitmq.addresses=" + TestInfra.rabbit().uri(),
                        "--voipbin.asterisk.id=" + ASTERISK_ID,
                        "--voipbin.asterisk.ari-url=" + sim.baseUrl(),
                        "--voipbin.asterisk.user=asterisk",
                        "--voipbin.asterisk.password=asterisk",
                        "--spring.autoconfigure.exclude="
                                + "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration,"
                                + "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration",
                        "--spring.main.banner-mode=off",
                        "--logging.level.net.voipbin.asteriskproxy=WARN");
    }

    /** Stops asterisk-proxy as a shutdown would (it says so last, {@code proxy_disconnected}). */
    public void stopProxy() {
        proxy.close();
    }

    /** Starts a new asterisk-proxy, which knows nothing of the one before it. */
    public void startProxy() {
        proxy = startProxy(sim, topology.namespace());
    }

    /** How often the proxy has tried to connect again since it started (failed attempts included). */
    public double reconnects() {
        return proxy.getBean(net.voipbin.asteriskproxy.events.ProxyMetrics.class).reconnects();
    }

    /** Puts an envelope on the ARI event exchange, as a proxy would. */
    public void publish(Event event) {
        publishRaw(json.writeValueAsBytes(event));
    }

    public synchronized void publishRaw(byte[] body) {
        try {
            publisher.basicPublish(topology.asteriskEvents(), "", new AMQP.BasicProperties.Builder()
                    .contentType("application/json").deliveryMode(2).build(), body);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The simulator's view of a bridge: its channel ids (empty when it does not exist). */
    /** Whether Asterisk (the simulator) still has the bridge. */
    public boolean bridgeExists(String bridgeId) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(sim.baseUrl() + "/ari/bridges/" + bridgeId))
                    .header("Authorization", auth).GET().build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

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
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        proxy.close();
        try {
            connection.close();
        } catch (Exception e) {
            // closing anyway
        }
    }
}
