package net.voipbin.systemtests;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import net.voipbin.rpc.auth.JwtTokens;
import net.voipbin.systemtests.launch.FleetEnv;
import net.voipbin.systemtests.launch.FleetLauncher;
import net.voipbin.systemtests.launch.FleetServices;
import net.voipbin.systemtests.launch.FreePorts;
import net.voipbin.systemtests.launch.RunnableJars;
import net.voipbin.testsupport.Postgres;
import net.voipbin.testsupport.TestInfra;

/**
 * The inbound-call fleet plus agent-manager and queue-manager, each a JVM from its packaged jar: asterisk-sim,
 * asterisk-proxy, call-manager, flow-manager, agent-manager, queue-manager. Agents are simulator endpoints
 * (tel numbers) whose originate plan answers, rejects or never answers.
 */
final class QueueFleet implements CallFleet, AutoCloseable {

    static final String ASTERISK_ID = "asterisk-queue";
    private static final Duration READY_WITHIN = Duration.ofMinutes(3);

    private final FleetLauncher launcher;
    private final FleetEnv env;
    private final int simPort = FreePorts.next();
    private final int proxyPort = FreePorts.next();
    private final int callManagerPort = FreePorts.next();
    private final int flowManagerPort = FreePorts.next();
    private final int agentManagerPort = FreePorts.next();
    private final int queueManagerPort = FreePorts.next();

    private QueueFleet() {
        Postgres db = TestInfra.postgres();
        env = new FleetEnv(TestInfra.rabbit().uri(), db.jdbcUrl(), db.user(), db.password(), TestInfra.JWT_SECRET,
                TestInfra.uniqueNamespace());
        launcher = new FleetLauncher(RunnableJars.fromEnvironment(), Path.of("target", "system-tests"));
    }

    static QueueFleet start() {
        QueueFleet fleet = new QueueFleet();
        try {
            fleet.launcher.start(FleetServices.asteriskSim(fleet.simPort, ASTERISK_ID, 1.0), READY_WITHIN);
            fleet.launcher.startAll(List.of(
                    FleetServices.asteriskProxy(fleet.env, fleet.proxyPort, ASTERISK_ID, fleet.simUrl()),
                    FleetServices.service("call-manager", fleet.env, fleet.callManagerPort,
                            TestInfra.uniqueSchema("call-manager"), List.of("--voipbin.call-manager.tts.engine=prompt")),
                    FleetServices.service("flow-manager", fleet.env, fleet.flowManagerPort,
                            TestInfra.uniqueSchema("flow-manager"), List.of()),
                    FleetServices.service("agent-manager", fleet.env, fleet.agentManagerPort,
                            TestInfra.uniqueSchema("agent-manager"), List.of("--voipbin.agent-manager.deadline-sweep=200ms")),
                    FleetServices.service("queue-manager", fleet.env, fleet.queueManagerPort,
                            TestInfra.uniqueSchema("queue-manager"), List.of("--voipbin.queue-manager.deadline-sweep=200ms"))),
                    READY_WITHIN);
            return fleet;
        } catch (RuntimeException e) {
            fleet.close();
            throw e;
        }
    }

    String eventExchange() {
        return env.namespace() + "bin-manager.event";
    }

    String simUrl() {
        return "http://127.0.0.1:" + simPort;
    }

    @Override
    public SimControl sim() {
        return new SimControl(simUrl());
    }

    @Override
    public String callManager(String path) {
        return "http://127.0.0.1:" + callManagerPort + "/v1.0" + path;
    }

    @Override
    public String flowManager(String path) {
        return "http://127.0.0.1:" + flowManagerPort + "/v1.0" + path;
    }

    String agentManager(String path) {
        return "http://127.0.0.1:" + agentManagerPort + "/v1.0" + path;
    }

    String queueManager(String path) {
        return "http://127.0.0.1:" + queueManagerPort + "/v1.0" + path;
    }

    @Override
    public String tokenFor(UUID customerId) {
        return JwtTokens.mint(env.jwtSecret(), customerId, Duration.ofHours(1));
    }

    @Override
    public void close() {
        launcher.close();
        BrokerCleanup.deleteNamespace(env.namespace());
    }
}
