package net.voipbin.systemtests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;

import com.rabbitmq.client.ConnectionFactory;

import net.voipbin.rpc.auth.JwtTokens;
import net.voipbin.rpc.json.Json;
import net.voipbin.systemtests.local.PortBlock;
import net.voipbin.systemtests.local.VoipbinCli;
import net.voipbin.testsupport.Http;
import tools.jackson.databind.JsonNode;

/**
 * The whole fleet in local mode, started with {@code ./voipbin start} in a state directory and port
 * block of its own: every service in one JVM on the embedded PostgreSQL and Qpid Broker-J, none of the
 * machine's servers. Closing runs {@code ./voipbin stop}.
 */
final class LocalModeFleet implements CallFleet, AutoCloseable {

    /** Start-up on a loaded 2-core machine; local mode itself gives up after 120 s. */
    static final Duration START_WITHIN = Duration.ofMinutes(3);

    private final VoipbinCli cli;
    private final JsonNode status;

    private LocalModeFleet(VoipbinCli cli, JsonNode status) {
        this.cli = cli;
        this.status = status;
    }

    static LocalModeFleet start(String name) {
        VoipbinCli cli = new VoipbinCli(Path.of("target", "local-mode", name + "-" + UUID.randomUUID()),
                PortBlock.freeBase());
        VoipbinCli.Result started = cli.run(START_WITHIN, "start");
        if (started.exitCode() != 0) {
            cli.run(Duration.ofMinutes(1), "stop");
            throw new IllegalStateException("./voipbin start exited " + started.exitCode() + ":\n" + started.output());
        }
        Http.Response status = Http.get("http://127.0.0.1:" + (cli.portBase() + 11) + "/status", null);
        return new LocalModeFleet(cli, Json.newMapper().readTree(status.body()));
    }

    VoipbinCli cli() {
        return cli;
    }

    JsonNode status() {
        return status;
    }

    /** The embedded broker, for a test's own consumer of the fleet's events. */
    ConnectionFactory broker() {
        ConnectionFactory factory = new ConnectionFactory();
        try {
            factory.setUri(status.path("amqp_url").asString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return factory;
    }

    String component(String name) {
        for (JsonNode component : status.path("components")) {
            if (name.equals(component.path("name").asString())) {
                return component.path("url").asString();
            }
        }
        throw new IllegalArgumentException("no component " + name + " in " + status);
    }

    @Override
    public SimControl sim() {
        return new SimControl(status.path("simulator_url").asString());
    }

    @Override
    public String callManager(String path) {
        return component("call-manager") + "/v1.0" + path;
    }

    @Override
    public String flowManager(String path) {
        return component("flow-manager") + "/v1.0" + path;
    }

    @Override
    public String tokenFor(UUID customerId) {
        try {
            return JwtTokens.mint(Files.readString(cli.home().resolve("jwt-secret")).trim(), customerId,
                    Duration.ofHours(1));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        cli.run(Duration.ofMinutes(2), "stop");
    }
}
