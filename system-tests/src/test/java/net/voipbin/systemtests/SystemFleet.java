package net.voipbin.systemtests;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import net.voipbin.rpc.auth.JwtTokens;
import net.voipbin.systemtests.launch.FleetEnv;
import net.voipbin.systemtests.launch.FleetLauncher;
import net.voipbin.systemtests.launch.RunnableJars;
import net.voipbin.systemtests.launch.ServiceProcess;
import net.voipbin.systemtests.launch.ServiceSpec;
import net.voipbin.testsupport.Postgres;
import net.voipbin.testsupport.TestInfra;

/**
 * One test class's fleet, each service a JVM started from its packaged jar on free loopback ports: asterisk-sim,
 * asterisk-proxy and whatever the {@link SystemFleetBuilder} added, against the real PostgreSQL (a schema per
 * service) and RabbitMQ (a namespace per fleet). A service is named by its process name ({@code queue-manager},
 * {@code campaign-manager-b}). Closing stops the processes and deletes the namespace's queues; the schemas are
 * dropped when the test JVM exits.
 */
final class SystemFleet implements CallFleet, AutoCloseable {

    /** How long a SIGKILLed process may take to be gone. */
    private static final Duration KILL_GRACE = Duration.ofSeconds(10);

    private final FleetEnv env;
    private final FleetLauncher launcher;
    private final String asteriskId;
    private final Duration readyWithin;
    private final Map<String, Integer> ports;
    private final Map<String, ServiceSpec> specs;
    private final Map<String, ServiceProcess> processes = new ConcurrentHashMap<>();

    SystemFleet(String asteriskId, Duration readyWithin, Map<String, Integer> ports, Map<String, ServiceSpec> specs,
            FleetEnv env) {
        this.env = env;
        this.asteriskId = asteriskId;
        this.readyWithin = readyWithin;
        this.ports = Map.copyOf(ports);
        this.specs = Map.copyOf(specs);
        this.launcher = new FleetLauncher(RunnableJars.fromEnvironment(), Path.of("target", "system-tests"));
    }

    /** The ARI edge (asterisk-sim behind asterisk-proxy); add services before {@code start()}. */
    static SystemFleetBuilder builder() {
        return new SystemFleetBuilder();
    }

    /** What every service is told: the broker and database of {@link TestInfra}, a namespace of its own. */
    static FleetEnv freshEnv() {
        Postgres db = TestInfra.postgres();
        return new FleetEnv(TestInfra.rabbit().uri(), db.jdbcUrl(), db.user(), db.password(), TestInfra.JWT_SECRET,
                TestInfra.uniqueNamespace());
    }

    /** Starts the services of each stage together, a stage once the one before it is ready. */
    void launch(List<List<String>> stages) {
        for (List<String> stage : stages) {
            launcher.startAll(stage.stream().map(specs::get).toList(), readyWithin)
                    .forEach(process -> processes.put(process.name(), process));
        }
    }

    /** A URL of {@code service}'s public REST API ({@code /v1.0} + path). */
    String url(String service, String path) {
        return "http://127.0.0.1:" + port(service) + "/v1.0" + path;
    }

    int port(String service) {
        Integer port = ports.get(service);
        if (port == null) {
            throw new IllegalArgumentException("no " + service + " in this fleet; it has " + ports.keySet());
        }
        return port;
    }

    ServiceProcess process(String service) {
        ServiceProcess process = processes.get(service);
        if (process == null) {
            throw new IllegalArgumentException("no " + service + " started in this fleet; it has " + processes.keySet());
        }
        return process;
    }

    /** What {@code service} printed since it was (last) launched. */
    String output(String service) {
        return process(service).output();
    }

    /** SIGKILL: no shutdown hook, no closing of connections or transactions, as in a crash. */
    void kill(String service) {
        ServiceProcess process = process(service);
        ProcessHandle.of(process.pid()).ifPresent(ProcessHandle::destroyForcibly);
        process.awaitStop(KILL_GRACE);
    }

    /** Starts {@code service} again with its settings, port and schema; returns once it is ready. */
    void restart(String service) {
        processes.put(service, launcher.start(specs.get(service), readyWithin));
    }

    String asteriskId() {
        return asteriskId;
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
        return "http://127.0.0.1:" + port(SystemFleetBuilder.SIM);
    }

    @Override
    public SimControl sim() {
        return new SimControl(simUrl());
    }

    @Override
    public String callManager(String path) {
        return url("call-manager", path);
    }

    @Override
    public String flowManager(String path) {
        return url("flow-manager", path);
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
