package net.voipbin.systemtests;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import net.voipbin.systemtests.launch.FleetEnv;
import net.voipbin.systemtests.launch.FleetServices;
import net.voipbin.systemtests.launch.FreePorts;
import net.voipbin.systemtests.launch.ServiceSpec;
import net.voipbin.testsupport.TestInfra;

/**
 * What a {@link SystemFleet} runs: always asterisk-sim (started first and alone) and asterisk-proxy, then the
 * services added here. Every instance of a module shares that module's schema, as instances of one service
 * do in production.
 */
final class SystemFleetBuilder {

    static final String SIM = "asterisk-sim";
    static final String PROXY = "asterisk-proxy";
    /** JVM start-up on a loaded 2-core machine. */
    private static final Duration READY_WITHIN = Duration.ofMinutes(3);

    private final FleetEnv env = SystemFleet.freshEnv();
    private final Map<String, Integer> ports = new LinkedHashMap<>();
    private final Map<String, ServiceSpec> specs = new LinkedHashMap<>();
    private final Map<String, String> schemas = new HashMap<>();
    private final List<List<String>> stages = new ArrayList<>();
    private final List<String> everyServiceSettings = new ArrayList<>();
    private String asteriskId = "asterisk-st";
    private Duration readyWithin = READY_WITHIN;

    SystemFleetBuilder() {
        ports.put(SIM, FreePorts.next());
        ports.put(PROXY, FreePorts.next());
        stages.add(new ArrayList<>(List.of(SIM)));
        stages.add(new ArrayList<>(List.of(PROXY)));
    }

    /** The id the simulated Asterisk and the proxy go by (in every ARI event's envelope). */
    SystemFleetBuilder asteriskId(String id) {
        asteriskId = id;
        return this;
    }

    SystemFleetBuilder readyWithin(Duration deadline) {
        readyWithin = deadline;
        return this;
    }

    /** The inbound-call path behind the edge: call-manager (prompts for TTS) and flow-manager. */
    SystemFleetBuilder callPath() {
        return with("call-manager", List.of("--voipbin.call-manager.tts.engine=prompt"))
                .with("flow-manager", List.of());
    }

    /** {@code module}, named after itself, with {@code settings} ({@code --key=value}). */
    SystemFleetBuilder with(String module, List<String> settings) {
        return with(module, module, settings);
    }

    /** An instance of {@code module} named {@code name} (its log, its URL), on the module's one schema. */
    SystemFleetBuilder with(String name, String module, List<String> settings) {
        if (ports.containsKey(name)) {
            throw new IllegalArgumentException(name + " is in the fleet already");
        }
        int port = FreePorts.next();
        String schema = schemas.computeIfAbsent(module, TestInfra::uniqueSchema);
        ports.put(name, port);
        specs.put(name, FleetServices.service(module, env, port, schema, settings).named(name));
        stages.getLast().add(name);
        return this;
    }

    /** {@code settings} for asterisk-proxy and every service, after their own (JSON logs, a debug level). */
    SystemFleetBuilder everyServiceWith(List<String> settings) {
        everyServiceSettings.addAll(settings);
        return this;
    }

    /** What is added from here on starts once everything added before is ready (migrations run once). */
    SystemFleetBuilder then() {
        stages.add(new ArrayList<>());
        return this;
    }

    /** Starts the fleet and waits until every service is ready; a failure stops what had started. */
    SystemFleet start() {
        specs.put(SIM, FleetServices.asteriskSim(ports.get(SIM), asteriskId, 1.0));
        specs.put(PROXY, FleetServices.asteriskProxy(env, ports.get(PROXY), asteriskId,
                "http://127.0.0.1:" + ports.get(SIM)));
        specs.replaceAll((name, spec) -> name.equals(SIM) ? spec : spec.withMoreArgs(everyServiceSettings));
        SystemFleet fleet = new SystemFleet(asteriskId, readyWithin, ports, specs, env);
        try {
            fleet.launch(stages.stream().filter(stage -> !stage.isEmpty()).toList());
            return fleet;
        } catch (RuntimeException e) {
            fleet.close();
            throw e;
        }
    }
}
