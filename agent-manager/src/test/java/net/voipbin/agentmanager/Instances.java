package net.voipbin.agentmanager;

import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import net.voipbin.contract.agentmanager.AgentManagerClient;
import net.voipbin.rpc.client.RpcClient;
import net.voipbin.rpc.topology.Topology;
import net.voipbin.testsupport.TestInfra;

/** Whole agent-manager instances as a deployment runs them: several on one schema and one AMQP namespace. */
public final class Instances {

    private Instances() {
    }

    public static ConfigurableApplicationContext start(String schema, String namespace, String... extraArguments) {
        var db = TestInfra.postgres();
        // Command-line arguments outrank application.yml (which names the production schema).
        List<String> arguments = new ArrayList<>(List.of(
                "--server.port=0",
                "--spring.datasource.url=" + db.jdbcUrl(),
                "--spring.datasource.username=" + db.user(),
                "--spring.datasource.password=" + db.password(),
                "--spring.datasource.hikari.schema=" + schema,
                "--spring.flyway.schemas=" + schema,
                "--spring.rabbitmq.addresses=" + TestInfra.rabbit().uri(),
                "--voipbin.amqp.namespace=" + namespace,
                "--voipbin.auth.jwt-secret=" + TestInfra.JWT_SECRET,
                "--voipbin.agent-manager.deadline-sweep=200ms"));
        arguments.addAll(List.of(extraArguments));
        return new SpringApplicationBuilder(AgentManagerApplication.class).run(arguments.toArray(String[]::new));
    }

    public static String api(ConfigurableApplicationContext context, String path) {
        return "http://127.0.0.1:" + context.getEnvironment().getRequiredProperty("local.server.port") + "/v1.0" + path;
    }

    /** The typed client queue-manager would use, on this instance's broker connection. */
    public static AgentManagerClient client(ConfigurableApplicationContext context) {
        return new AgentManagerClient(context.getBean(RpcClient.class), context.getBean(Topology.class));
    }

    public static String eventExchange(ConfigurableApplicationContext context) {
        return context.getBean(Topology.class).eventExchange();
    }
}
