package net.voipbin.campaignmanager.support;

import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import net.voipbin.agentmanager.AgentManagerApplication;
import net.voipbin.asteriskproxy.AsteriskProxyApplication;
import net.voipbin.asterisksim.AsteriskSim;
import net.voipbin.callmanager.CallManagerApplication;
import net.voipbin.flowmanager.FlowManagerApplication;
import net.voipbin.outdialmanager.OutdialManagerApplication;
import net.voipbin.queuemanager.QueueManagerApplication;
import net.voipbin.testsupport.Postgres;
import net.voipbin.testsupport.TestInfra;

/**
 * campaign-manager's real neighbours, each a Spring application of its own in this JVM on the test's
 * namespace and a schema of its own: outdial-manager (the claims), flow-manager (the flow an answered
 * call runs), call-manager behind asterisk-proxy and the ARI simulator (the originates and their
 * outcomes), agent-manager and queue-manager (the queue a progressive or predictive campaign dials for). Every setting is given on the command line: the application.yml on this class path is
 * campaign-manager's, so each one is told a config name that does not exist.
 */
public final class Neighbours implements AutoCloseable {

    public static final String ASTERISK_ID = "asterisk-campaign-it";

    private final List<ConfigurableApplicationContext> contexts = new ArrayList<>();
    private final ConfigurableApplicationContext agents;
    private final ConfigurableApplicationContext queues;

    public Neighbours(AsteriskSim sim, String namespace) {
        contexts.add(service(OutdialManagerApplication.class, "outdial-manager", namespace));
        contexts.add(service(FlowManagerApplication.class, "flow-manager", namespace));
        contexts.add(service(CallManagerApplication.class, "call-manager", namespace,
                "--voipbin.call-manager.echo.bind=127.0.0.1", "--voipbin.call-manager.tts.engine=prompt"));
        contexts.add(new SpringApplicationBuilder(AsteriskProxyApplication.class).web(WebApplicationType.NONE)
                .run("--spring.config.name=asterisk-proxy-campaign-it", "--spring.application.name=asterisk-proxy",
                        "--voipbin.amqp.namespace=" + namespace, "--spring.rabbitmq.addresses=" + TestInfra.rabbit().uri(),
                        "--voipbin.asterisk.id=" + ASTERISK_ID, "--voipbin.asterisk.ari-url=" + sim.baseUrl(),
                        "--voipbin.asterisk.user=asterisk", "--voipbin.asterisk.password=asterisk",
                        "--spring.autoconfigure.exclude="
                                + "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration,"
                                + "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration",
                        "--spring.main.banner-mode=off", "--logging.level.net.voipbin.asteriskproxy=WARN"));
        agents = service(AgentManagerApplication.class, "agent-manager", namespace);
        queues = service(QueueManagerApplication.class, "queue-manager", namespace);
        contexts.add(agents);
        contexts.add(queues);
    }

    public String agentApi() {
        return api(agents);
    }

    public String queueApi() {
        return api(queues);
    }

    /** outdial-manager's REST base, {@code http://127.0.0.1:<port>/v1.0}. */
    public String outdialApi() {
        return api(contexts.get(0));
    }

    public String flowApi() {
        return api(contexts.get(1));
    }

    private static String api(ConfigurableApplicationContext context) {
        return "http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port") + "/v1.0";
    }

    private static ConfigurableApplicationContext service(Class<?> application, String name, String namespace,
            String... extra) {
        Postgres db = TestInfra.postgres();
        String schema = TestInfra.uniqueSchema(name);
        List<String> args = new ArrayList<>(List.of("--spring.config.name=" + name + "-campaign-it",
                "--spring.application.name=" + name, "--server.port=0", "--spring.main.banner-mode=off",
                "--spring.datasource.url=" + db.jdbcUrl(), "--spring.datasource.username=" + db.user(),
                "--spring.datasource.password=" + db.password(), "--spring.datasource.hikari.schema=" + schema,
                "--spring.flyway.schemas=" + schema,
                "--spring.flyway.locations=classpath:db/migration/" + name.replace('-', '_') + ",classpath:db/outbox",
                "--spring.rabbitmq.addresses=" + TestInfra.rabbit().uri(), "--voipbin.amqp.namespace=" + namespace,
                "--voipbin.auth.jwt-secret=" + TestInfra.JWT_SECRET, "--logging.level.net.voipbin=WARN",
                // Logging is one per JVM: keep campaign-manager's own lines.
                "--logging.level.net.voipbin.campaignmanager=INFO"));
        args.addAll(List.of(extra));
        return new SpringApplicationBuilder(application).run(args.toArray(String[]::new));
    }

    @Override
    public void close() {
        contexts.reversed().forEach(ConfigurableApplicationContext::close);
    }
}
