package net.voipbin.systemtests;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import net.voipbin.rpc.auth.JwtTokens;
import net.voipbin.systemtests.launch.FleetEnv;
import net.voipbin.systemtests.launch.FleetLauncher;
import net.voipbin.systemtests.launch.FleetServices;
import net.voipbin.systemtests.launch.FreePorts;
import net.voipbin.systemtests.launch.RunnableJars;
import net.voipbin.systemtests.launch.ServiceProcess;
import net.voipbin.systemtests.launch.ServiceSpec;
import net.voipbin.testsupport.Postgres;
import net.voipbin.testsupport.TestInfra;

/**
 * One test class's fleet: asterisk-sim and asterisk-proxy, optionally call-manager and flow-manager
 * (and pipecat-manager for AI calls), each a JVM started from its packaged jar on free loopback ports,
 * against the real PostgreSQL (a schema per service) and RabbitMQ (a namespace per fleet). Closing
 * stops the processes and deletes the namespace's queues; the schemas are dropped when the test JVM
 * exits.
 */
final class Fleet implements CallFleet, AutoCloseable {

    static final String ASTERISK_ID = "asterisk-st";
    /** JVM start-up on a loaded 2-core machine. */
    private static final Duration READY_WITHIN = Duration.ofMinutes(3);

    private final FleetLauncher launcher;
    private final FleetEnv env;
    private final int simPort = FreePorts.next();
    private final int proxyPort = FreePorts.next();
    private final int callManagerPort = FreePorts.next();
    private final int flowManagerPort = FreePorts.next();
    private final int pipecatManagerPort = FreePorts.next();
    /** pipecat-manager's AudioSocket server, which asterisk-sim's externalMedia channels connect to. */
    private final int audioSocketPort = FreePorts.next();

    private final Map<String, ServiceProcess> processes = new ConcurrentHashMap<>();

    private Fleet() {
        Postgres db = TestInfra.postgres();
        env = new FleetEnv(TestInfra.rabbit().uri(), db.jdbcUrl(), db.user(), db.password(), TestInfra.JWT_SECRET,
                TestInfra.uniqueNamespace());
        launcher = new FleetLauncher(RunnableJars.fromEnvironment(), Path.of("target", "system-tests"));
    }

    /** The ARI edge only: asterisk-sim behind asterisk-proxy. */
    static Fleet asteriskEdge() {
        return start(false, List.of());
    }

    /** The inbound-call path: the edge plus call-manager and flow-manager. */
    static Fleet inboundCalls() {
        return start(true, List.of());
    }

    /** The inbound-call path with {@code settings} given to asterisk-proxy, call-manager and flow-manager. */
    static Fleet inboundCalls(List<String> settings) {
        return start(true, settings);
    }

    /**
     * The inbound-call path plus pipecat-manager for {@code ai_talk}: its AudioSocket server on loopback,
     * advertised to Asterisk as that address, and runners on loopback allowed (a test's fake runner).
     */
    static Fleet aiTalk() {
        Fleet fleet = new Fleet();
        try {
            fleet.launch(true, List.of(), List.of(FleetServices.service("pipecat-manager", fleet.env,
                    fleet.pipecatManagerPort, TestInfra.uniqueSchema("pipecat-manager"), List.of(
                            "--voipbin.pipecat.audiosocket-host=127.0.0.1",
                            "--voipbin.pipecat.audiosocket-port=" + fleet.audioSocketPort,
                            "--voipbin.pipecat.advertised-address=" + fleet.audioSocketAddress(),
                            "--voipbin.outbound.allowed-networks=127.0.0.0/8"))));
            return fleet;
        } catch (RuntimeException e) {
            fleet.close();
            throw e;
        }
    }

    private static Fleet start(boolean callServices, List<String> settings) {
        Fleet fleet = new Fleet();
        try {
            fleet.launch(callServices, settings, List.of());
            return fleet;
        } catch (RuntimeException e) {
            fleet.close();
            throw e;
        }
    }

    private void launch(boolean callServices, List<String> settings, List<ServiceSpec> more) {
        // The simulator first: the proxy's readiness (health UP) means its ARI WebSocket is open.
        launcher.start(FleetServices.asteriskSim(simPort, ASTERISK_ID, 1.0), READY_WITHIN);
        var specs = new ArrayList<>(List.of(FleetServices.asteriskProxy(env, proxyPort, ASTERISK_ID, simUrl())));
        if (callServices) {
            specs.add(FleetServices.service("call-manager", env, callManagerPort, TestInfra.uniqueSchema("call-manager"),
                    List.of("--voipbin.call-manager.tts.engine=prompt")));
            specs.add(FleetServices.service("flow-manager", env, flowManagerPort, TestInfra.uniqueSchema("flow-manager"),
                    List.of()));
        }
        specs.addAll(more);
        launcher.startAll(specs.stream().map(spec -> spec.withMoreArgs(settings)).toList(), READY_WITHIN)
                .forEach(process -> processes.put(process.name(), process));
    }

    /** What {@code service} printed since it was launched. */
    String output(String service) {
        return processes.get(service).output();
    }

    String namespace() {
        return env.namespace();
    }

    String eventExchange() {
        return env.namespace() + "bin-manager.event";
    }

    String asteriskEvents() {
        return env.namespace() + "asterisk.all.event";
    }

    String simUrl() {
        return "http://127.0.0.1:" + simPort;
    }

    @Override
    public SimControl sim() {
        return new SimControl(simUrl());
    }

    /** host:port of pipecat-manager's AudioSocket server, as Asterisk is told to connect to it. */
    String audioSocketAddress() {
        return "127.0.0.1:" + audioSocketPort;
    }

    int proxyPort() {
        return proxyPort;
    }

    @Override
    public String callManager(String path) {
        return "http://127.0.0.1:" + callManagerPort + "/v1.0" + path;
    }

    @Override
    public String flowManager(String path) {
        return "http://127.0.0.1:" + flowManagerPort + "/v1.0" + path;
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
