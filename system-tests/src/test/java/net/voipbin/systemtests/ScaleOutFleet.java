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
 * The inbound-call path with several instances of call-manager and of flow-manager, each a process on one
 * schema per service and one namespace, as an operator scales the fleet out.
 */
final class ScaleOutFleet implements CallFleet, AutoCloseable {

    private static final Duration READY_WITHIN = Duration.ofMinutes(4);

    private final FleetLauncher launcher;
    private final FleetEnv env;
    private final int simPort = FreePorts.next();
    private final List<Integer> callManagerPorts = new ArrayList<>();
    private final List<Integer> flowManagerPorts = new ArrayList<>();
    final List<ServiceProcess> callManagers = new ArrayList<>();
    final List<ServiceProcess> flowManagers = new ArrayList<>();

    private ScaleOutFleet() {
        Postgres db = TestInfra.postgres();
        env = new FleetEnv(TestInfra.rabbit().uri(), db.jdbcUrl(), db.user(), db.password(), TestInfra.JWT_SECRET,
                TestInfra.uniqueNamespace());
        launcher = new FleetLauncher(RunnableJars.fromEnvironment(), Path.of("target", "system-tests"));
    }

    /** asterisk-sim, asterisk-proxy, then {@code instances} call-managers and flow-managers. */
    static ScaleOutFleet start(int instances, List<String> callManagerArgs) {
        ScaleOutFleet fleet = new ScaleOutFleet();
        try {
            fleet.launch(instances, callManagerArgs);
            return fleet;
        } catch (RuntimeException e) {
            fleet.close();
            throw e;
        }
    }

    private void launch(int instances, List<String> callManagerArgs) {
        launcher.start(FleetServices.asteriskSim(simPort, Fleet.ASTERISK_ID, 1.0), READY_WITHIN);
        launcher.start(FleetServices.asteriskProxy(env, FreePorts.next(), Fleet.ASTERISK_ID,
                "http://127.0.0.1:" + simPort), READY_WITHIN);
        String callSchema = TestInfra.uniqueSchema("call-manager");
        String flowSchema = TestInfra.uniqueSchema("flow-manager");
        List<String> callArgs = new ArrayList<>(List.of("--voipbin.call-manager.tts.engine=prompt"));
        callArgs.addAll(callManagerArgs);
        // One at a time: the first of each runs the schema's migrations alone.
        for (int i = 1; i <= instances; i++) {
            int callPort = FreePorts.next();
            int flowPort = FreePorts.next();
            callManagerPorts.add(callPort);
            flowManagerPorts.add(flowPort);
            ServiceSpec callManager = FleetServices.service("call-manager", env, callPort, callSchema, callArgs)
                    .named("call-manager-" + i);
            ServiceSpec flowManager = FleetServices.service("flow-manager", env, flowPort, flowSchema, List.of())
                    .named("flow-manager-" + i);
            List<ServiceProcess> started = launcher.startAll(List.of(callManager, flowManager), READY_WITHIN);
            callManagers.add(started.get(0));
            flowManagers.add(started.get(1));
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

    /** The first instance's API: any instance serves it. */
    @Override
    public String callManager(String path) {
        return "http://127.0.0.1:" + callManagerPorts.getFirst() + "/v1.0" + path;
    }

    @Override
    public String flowManager(String path) {
        return "http://127.0.0.1:" + flowManagerPorts.getFirst() + "/v1.0" + path;
    }

    /** The API of an instance that still runs (after a kill, the first may not). */
    String liveCallManager(String path) {
        for (int i = 0; i < callManagers.size(); i++) {
            if (callManagers.get(i).isAlive()) {
                return "http://127.0.0.1:" + callManagerPorts.get(i) + "/v1.0" + path;
            }
        }
        throw new IllegalStateException("no call-manager alive");
    }

    String liveFlowManager(String path) {
        for (int i = 0; i < flowManagers.size(); i++) {
            if (flowManagers.get(i).isAlive()) {
                return "http://127.0.0.1:" + flowManagerPorts.get(i) + "/v1.0" + path;
            }
        }
        throw new IllegalStateException("no flow-manager alive");
    }

    /** kill -9: no shutdown hook, no goodbye to the broker or the database. */
    static void kill(ServiceProcess process) {
        ProcessHandle.of(process.pid()).ifPresent(ProcessHandle::destroyForcibly);
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
