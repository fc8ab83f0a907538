package net.voipbin.systemtests.launch;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The launch recipes of the fleet's processes: which jar, which settings, how readiness shows. Every
 * service listens on loopback only; a Spring service gets its own schema so runs never share tables.
 */
public final class FleetServices {

    /** What asterisk-sim prints once it accepts connections. */
    public static final String SIM_READY = "asterisk-sim listening on ";
    public static final String ARI_USER = "asterisk";
    public static final String ARI_PASSWORD = "asterisk";

    private FleetServices() {
    }

    /** The ARI simulator on {@code port}; {@code timeScale} multiplies simulated media lengths. */
    public static ServiceSpec asteriskSim(int port, String asteriskId, double timeScale) {
        return new ServiceSpec("asterisk-sim", "asterisk-sim", ServiceSpec.TEST_JVM_OPTIONS,
                List.of("--host=127.0.0.1", "--port=" + port, "--user=" + ARI_USER, "--password=" + ARI_PASSWORD,
                        "--asterisk-id=" + asteriskId, "--time-scale=" + timeScale),
                Map.of(), new Readiness.LogLine(SIM_READY));
    }

    /** asterisk-proxy in front of the ARI at {@code ariUrl}; ready (health UP) once its WebSocket is open. */
    public static ServiceSpec asteriskProxy(FleetEnv env, int port, String asteriskId, String ariUrl) {
        return new ServiceSpec("asterisk-proxy", "asterisk-proxy", ServiceSpec.TEST_JVM_OPTIONS,
                List.of("--server.address=127.0.0.1", "--voipbin.asterisk.id=" + asteriskId,
                        "--voipbin.asterisk.ari-url=" + ariUrl, "--voipbin.asterisk.user=" + ARI_USER,
                        "--voipbin.asterisk.password=" + ARI_PASSWORD),
                env.forService(port), new Readiness.HealthUp(port));
    }

    /**
     * A Spring Boot service of the fleet (call-manager, flow-manager, ...) in its own {@code schema};
     * {@code extraArgs} are further {@code --key=value} settings.
     */
    public static ServiceSpec service(String module, FleetEnv env, int port, String schema, List<String> extraArgs) {
        List<String> args = new ArrayList<>(List.of("--server.address=127.0.0.1", "--spring.flyway.schemas=" + schema,
                "--spring.datasource.hikari.schema=" + schema));
        args.addAll(extraArgs);
        return new ServiceSpec(module, module, ServiceSpec.TEST_JVM_OPTIONS, args, env.forService(port),
                new Readiness.HealthUp(port));
    }
}
