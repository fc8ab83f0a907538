package net.voipbin.systemtests;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

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
 * The inbound-call fleet plus conference-manager, each a JVM from its packaged jar: asterisk-sim,
 * asterisk-proxy, call-manager, flow-manager and conference-manager. conference-manager can be killed
 * (SIGKILL) and started again on its schema, as after a crash.
 */
final class ConferenceFleet implements CallFleet, AutoCloseable {

    static final String ASTERISK_ID = "asterisk-conf";
    private static final Duration READY_WITHIN = Duration.ofMinutes(3);

    private final FleetLauncher launcher;
    private final FleetEnv env;
    private final int simPort = FreePorts.next();
    private final int proxyPort = FreePorts.next();
    private final int callManagerPort = FreePorts.next();
    private final int flowManagerPort = FreePorts.next();
    private final int conferenceManagerPort = FreePorts.next();
    private final ServiceSpec conferenceManagerSpec;
    private ServiceProcess conferenceManager;

    private ConferenceFleet() {
        Postgres db = TestInfra.postgres();
        env = new FleetEnv(TestInfra.rabbit().uri(), db.jdbcUrl(), db.user(), db.password(), TestInfra.JWT_SECRET,
                TestInfra.uniqueNamespace());
        launcher = new FleetLauncher(RunnableJars.fromEnvironment(), Path.of("target", "system-tests"));
        conferenceManagerSpec = FleetServices.service("conference-manager", env, conferenceManagerPort,
                TestInfra.uniqueSchema("conference-manager"), List.of("--voipbin.conference.timeout-sweep=200ms"));
    }

    static ConferenceFleet start() {
        ConferenceFleet fleet = new ConferenceFleet();
        try {
            fleet.launcher.start(FleetServices.asteriskSim(fleet.simPort, ASTERISK_ID, 1.0), READY_WITHIN);
            var specs = new ArrayList<>(List.of(
                    FleetServices.asteriskProxy(fleet.env, fleet.proxyPort, ASTERISK_ID, fleet.simUrl()),
                    FleetServices.service("call-manager", fleet.env, fleet.callManagerPort,
                            TestInfra.uniqueSchema("call-manager"), List.of("--voipbin.call-manager.tts.engine=prompt")),
                    FleetServices.service("flow-manager", fleet.env, fleet.flowManagerPort,
                            TestInfra.uniqueSchema("flow-manager"), List.of()),
                    fleet.conferenceManagerSpec));
            List<ServiceProcess> started = fleet.launcher.startAll(specs, READY_WITHIN);
            fleet.conferenceManager = started.getLast();
            return fleet;
        } catch (RuntimeException e) {
            fleet.close();
            throw e;
        }
    }

    /** SIGKILL: no shutdown hook, no closing of connections or transactions. */
    void killConferenceManager() {
        ProcessHandle.of(conferenceManager.pid()).ifPresent(ProcessHandle::destroyForcibly);
        conferenceManager.awaitStop(Duration.ofSeconds(10));
    }

    void startConferenceManager() {
        conferenceManager = launcher.start(conferenceManagerSpec, READY_WITHIN);
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

    String conferenceManager(String path) {
        return "http://127.0.0.1:" + conferenceManagerPort + "/v1.0" + path;
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
