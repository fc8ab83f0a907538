package net.voipbin.systemtests.launch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The launcher on the smallest real process it can start: the simulator's jar. */
class FleetLauncherIT {

    private static final Duration READY = Duration.ofMinutes(2);
    private final Path logs = Path.of("target", "system-tests", "launcher-it");

    @Test
    void aStartedProcessIsReadyLogsItsOutputAndIsGoneAfterClose() {
        int port = FreePorts.next();
        ServiceProcess sim;
        try (FleetLauncher launcher = new FleetLauncher(RunnableJars.fromEnvironment(), logs)) {
            sim = launcher.start(FleetServices.asteriskSim(port, "launcher-it", 1.0), READY);

            assertThat(sim.isAlive()).isTrue();
            assertThat(accepts(port)).isTrue();
            assertThat(sim.output()).contains(FleetServices.SIM_READY + "http://127.0.0.1:" + port);
            assertThat(sim.log()).isEqualTo(logs.resolve("asterisk-sim.log"));
        }

        assertThat(sim.isAlive()).isFalse();
        assertThat(accepts(port)).isFalse();
    }

    @Test
    void aProcessThatExitsBeforeItIsReadyFailsAtOnceWithTheEndOfItsLog() {
        ServiceSpec broken = new ServiceSpec("broken-sim", "asterisk-sim", ServiceSpec.TEST_JVM_OPTIONS,
                List.of("--port=not-a-port"), Map.of(), new Readiness.LogLine(FleetServices.SIM_READY));

        try (FleetLauncher launcher = new FleetLauncher(RunnableJars.fromEnvironment(), logs)) {
            assertThatThrownBy(() -> launcher.start(broken, READY))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("broken-sim exited with code")
                    .hasMessageContaining("not-a-port");
        }
    }

    @Test
    void aMissingJarFailsBeforeAnyProcessStarts() {
        ServiceSpec sim = FleetServices.asteriskSim(FreePorts.next(), "launcher-it", 1.0);
        ServiceSpec unknown = new ServiceSpec("nothing", "no-such-module", List.of(), List.of(), Map.of(),
                new Readiness.HealthUp(FreePorts.next()));

        try (FleetLauncher launcher = new FleetLauncher(RunnableJars.fromEnvironment(), logs)) {
            assertThatThrownBy(() -> launcher.startAll(List.of(sim, unknown), READY))
                    .hasMessageContaining("no-such-module-*-exec.jar")
                    .hasMessageContaining("run ./mvnw package first");
        }
    }

    private static boolean accepts(int port) {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
