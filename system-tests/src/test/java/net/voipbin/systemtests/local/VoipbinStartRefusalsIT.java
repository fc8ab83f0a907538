package net.voipbin.systemtests.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/**
 * Bad start-up input gets a clear message and a non-zero exit, and leaves nothing running: a port in
 * use, a JDK older than 21, a data directory of another PostgreSQL or an unknown layout, an unreachable
 * {@code VOIPBIN_DB_URL}.
 */
class VoipbinStartRefusalsIT {

    private static final Duration WITHIN = Duration.ofMinutes(1);

    private final VoipbinCli cli = new VoipbinCli(Path.of("target", "local-mode", "refusals-" + UUID.randomUUID()),
            PortBlock.freeBase());

    @Test
    void aPortInUseIsNamedWithItsComponentAndHowToMoveThePorts() throws IOException {
        int callManager = cli.portBase() + 1;
        try (ServerSocket taken = new ServerSocket(callManager, 1, InetAddress.getLoopbackAddress())) {
            VoipbinCli.Result start = cli.run(WITHIN, "start");

            assertThat(start.exitCode()).isNotZero();
            assertThat(start.output()).contains("port " + callManager + " (call-manager) in use")
                    .contains("VOIPBIN_LOCAL_PORT_BASE=");
        }
        assertNothingRuns();
    }

    @Test
    void aJdkOlderThan21IsRefusedBeforeAnythingRuns() throws IOException {
        Path oldJdk = Files.createDirectories(cli.home().resolveSibling("jdk-17-" + UUID.randomUUID()).resolve("bin"));
        Path java = oldJdk.resolve("java");
        Files.writeString(java, "#!/bin/sh\necho 'openjdk version \"17.0.15\" 2025-04-15' >&2\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));

        VoipbinCli.Result start = cli.withEnv("JAVA_HOME", oldJdk.getParent().toString()).run(WITHIN, "start");

        assertThat(start.exitCode()).isNotZero();
        assertThat(start.output()).contains("needs a JDK 21 or newer").contains("version 17");
        assertNothingRuns();
    }

    @Test
    void aDataDirectoryOfAnotherPostgresqlVersionIsRefused() throws IOException {
        Files.createDirectories(cli.home().resolve("pgdata"));
        Files.writeString(cli.home().resolve("pgdata/PG_VERSION"), "16\n");

        VoipbinCli.Result start = cli.run(WITHIN, "start");

        assertThat(start.exitCode()).isNotZero();
        assertThat(start.output()).contains("was written by PostgreSQL 16").contains("runs PostgreSQL 17");
        assertNothingRuns();
    }

    @Test
    void aStateDirectoryOfAnIncompatibleLocalModeIsRefused() throws IOException {
        Files.createDirectories(cli.home());
        Files.writeString(cli.home().resolve("LAYOUT_VERSION"), "99\n");

        VoipbinCli.Result start = cli.run(WITHIN, "start");

        assertThat(start.exitCode()).isNotZero();
        assertThat(start.output()).contains("written by local mode layout 99");
        assertNothingRuns();
    }

    @Test
    void anUnreachableDatabaseUrlIsRefusedWithTheUrl() throws IOException {
        int nobody;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            nobody = probe.getLocalPort();
        }
        String url = "jdbc:postgresql://127.0.0.1:" + nobody + "/voipbin";

        VoipbinCli.Result start = cli.withEnv("VOIPBIN_DB_URL", url).run(WITHIN, "start");

        assertThat(start.exitCode()).isNotZero();
        assertThat(start.output()).contains("VOIPBIN_DB_URL=" + url + " is not reachable");
        assertNothingRuns();
    }

    private void assertNothingRuns() {
        assertThat(Files.exists(cli.home().resolve("local-mode.pid"))).as("a pid file").isFalse();
        assertThat(PortBlock.allFree(cli.portBase() + 2, PortBlock.LOCAL_MODE_SPAN - 2)).as("ports bound").isTrue();
    }
}
