package net.voipbin.flowmanager;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import net.voipbin.fakecallmanager.CallManagerResponder;
import net.voipbin.fakecallmanager.FakeCallManagerApp;
import net.voipbin.rpc.auth.JwtTokens;
import net.voipbin.rpc.client.RpcClient;
import net.voipbin.rpc.topology.Topology;
import net.voipbin.testsupport.Postgres;
import net.voipbin.testsupport.TestInfra;

/**
 * flow-manager and a fake call-manager as two Spring applications on the real PostgreSQL and RabbitMQ,
 * sharing one AMQP namespace; flow-manager keeps its schema across restarts.
 */
final class FleetHarness implements AutoCloseable {

    final String namespace = TestInfra.uniqueNamespace();
    final String schema = TestInfra.uniqueSchema("flow-manager");
    private final Map<String, Object> extra;
    ConfigurableApplicationContext flowManager;
    ConfigurableApplicationContext callManager;

    private static FleetHarness shared;

    FleetHarness(Map<String, Object> extra) {
        this.extra = extra;
    }

    /**
     * One fleet for every IT class of this JVM (starting Spring twice costs more than all the tests),
     * with a loop guard of 50 actions and loopback customer URLs allowed; closed when the JVM exits.
     */
    static synchronized FleetHarness shared() {
        if (shared == null) {
            shared = new FleetHarness(Map.of("voipbin.flow.max-executions", "50",
                    "voipbin.flow.allow-private-urls", "true")).start();
            Runtime.getRuntime().addShutdownHook(new Thread(shared::close, "fleet-harness-close"));
        }
        return shared;
    }

    FleetHarness start() {
        Map<String, Object> properties = new HashMap<>(common());
        properties.put("spring.application.name", "call-manager");
        // One consumer records flow-manager's events in the order they were published; with the default
        // four, two events a millisecond apart (activeflow_updated, then activeflow_deleted) could be
        // recorded the other way round, and the tests assert that order.
        properties.put("voipbin.events.consumers", "1");
        callManager = new SpringApplicationBuilder(FakeCallManagerApp.class).web(WebApplicationType.NONE)
                .run(args(properties));
        startFlowManager();
        return this;
    }

    void startFlowManager() {
        flowManager = anotherFlowManager();
    }

    /** One more flow-manager instance on the same schema and namespace (a stand-by, while another leads). */
    ConfigurableApplicationContext anotherFlowManager() {
        Postgres db = TestInfra.postgres();
        Map<String, Object> properties = new HashMap<>(common());
        properties.put("spring.datasource.url", db.jdbcUrl());
        properties.put("spring.datasource.username", db.user());
        properties.put("spring.datasource.password", db.password());
        properties.put("spring.datasource.hikari.schema", schema);
        properties.put("spring.flyway.schemas", schema);
        properties.put("server.port", "0");
        properties.putAll(extra);
        return new SpringApplicationBuilder(FlowManagerApplication.class).run(args(properties));
    }

    /** As command-line arguments: they outrank application.yml, which the test classpath also holds. */
    private static String[] args(Map<String, Object> properties) {
        return properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
    }

    void stopFlowManager() {
        flowManager.close();
    }

    private Map<String, Object> common() {
        return Map.of("spring.rabbitmq.addresses", TestInfra.rabbit().uri(),
                "voipbin.amqp.namespace", namespace,
                "voipbin.auth.jwt-secret", TestInfra.JWT_SECRET,
                "logging.level.net.voipbin", "INFO");
    }

    CallManagerResponder responder() {
        return callManager.getBean(CallManagerResponder.class);
    }

    /** call-manager's RPC client, to call flow-manager the way call-manager does. */
    RpcClient rpc() {
        return callManager.getBean(RpcClient.class);
    }

    Topology topology() {
        return callManager.getBean(Topology.class);
    }

    String api(String path) {
        return "http://127.0.0.1:" + flowManager.getEnvironment().getProperty("local.server.port") + "/v1.0" + path;
    }

    static String token(UUID customer) {
        return JwtTokens.mint(TestInfra.JWT_SECRET, customer, Duration.ofHours(1));
    }

    @Override
    public void close() {
        if (flowManager != null) {
            flowManager.close();
        }
        if (callManager != null) {
            callManager.close();
        }
    }
}
