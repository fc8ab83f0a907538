package net.voipbin.systemtests.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import net.voipbin.rpc.json.Json;
import net.voipbin.testsupport.Http;
import tools.jackson.databind.JsonNode;

/**
 * The quick start as a new user runs it: {@code ./voipbin start}, a second start, status, logs, a token
 * the REST API takes, {@code ./voipbin demo}, {@code ./voipbin stop}, and a restart that still has the
 * demo's number and call. Local mode must not touch the machine's PostgreSQL or RabbitMQ, and must leave
 * no process and no bound port behind.
 */
class VoipbinCliIT {

    private static final Duration QUICK = Duration.ofMinutes(1);
    private static final int MACHINE_POSTGRES = 5432;
    private static final int MACHINE_RABBITMQ = 5672;

    private final VoipbinCli cli = new VoipbinCli(Path.of("target", "local-mode", "cli-" + UUID.randomUUID()),
            PortBlock.freeBase());

    @Test
    void startDemoAndStopLeaveNothingBehindAndNeverTouchTheMachinesServers() throws Exception {
        VoipbinCli.Result start = cli.run(Duration.ofMinutes(3), "start");
        try {
            assertThat(start.exitCode()).as(start.output()).isZero();
            assertThat(start.output()).contains("postgresql", "amqp-broker", "asterisk-sim", "call-manager",
                    "flow-manager", "webhook-manager", "pipecat-manager", "api-gateway").contains("ready in")
                    .contains("/console/").doesNotContain("failed");
            JsonNode status = status();
            long daemon = status.path("pid").asLong();
            long postmaster = Long.parseLong(Files.readAllLines(cli.home().resolve("pgdata/postmaster.pid")).getFirst());
            assertThat(status.path("db_url").asString()).endsWith(":" + (cli.portBase() + 13) + "/voipbin");
            assertThat(status.path("amqp_url").asString()).endsWith(":" + (cli.portBase() + 12));

            VoipbinCli.Result again = cli.run(QUICK, "start");
            assertThat(again.exitCode()).isZero();
            assertThat(again.output()).contains("already running (pid " + daemon + ")");

            assertThat(cli.run(QUICK, "status").output()).contains("call-manager").contains("healthy");
            assertThat(cli.run(QUICK, "logs", "call-manager").output()).contains("Started CallManagerApplication");
            String token = cli.run(QUICK, "token").output().trim();
            Http.Response calls = Http.get(component(status, "call-manager") + "/v1.0/calls", token);
            assertThat(calls.status()).as(calls.body()).isEqualTo(200);
            Http.Response throughGateway = Http.get(component(status, "api-gateway") + "/v1.0/calls", token);
            assertThat(throughGateway.status()).as(throughGateway.body()).isEqualTo(200);
            assertThat(Http.get(component(status, "api-gateway") + "/console/", null).status()).isEqualTo(200);
            String metrics = component(status, "call-manager") + "/actuator/metrics";
            assertThat(Http.get(metrics, token).status()).as("a customer's token").isEqualTo(403);
            String operator = cli.run(QUICK, "token", "--operator").output().trim();
            assertThat(Http.get(metrics, operator).status()).as("the operator's token").isEqualTo(200);

            VoipbinCli.Result demo = cli.run(Duration.ofMinutes(2), "demo");
            assertThat(demo.exitCode()).as(demo.output()).isZero();
            assertThat(eventTypes(demo.output())).containsSubsequence("call_created", "activeflow_created",
                    "call_answered", "call_operation_finished", "call_dtmf_received", "call_operation_finished",
                    "call_hungup", "activeflow_deleted");
            assertThat(demo.output()).as("the demo uses the public base URL")
                    .contains("(POST " + component(status, "api-gateway") + "/v1.0/flows)");
            assertThat(demo.output()).contains("(the caller presses 2)").contains("action support (play)")
                    .contains("hangup_by local  reason normal");

            if (ProcSockets.available()) {
                assertThat(ProcSockets.remotePorts(daemon)).as("ports local mode is connected to")
                        .doesNotContain(MACHINE_POSTGRES, MACHINE_RABBITMQ);
            }

            VoipbinCli.Result stop = cli.run(Duration.ofMinutes(2), "stop");
            assertThat(stop.exitCode()).as(stop.output()).isZero();
            assertThat(ProcessHandle.of(postmaster).filter(ProcessHandle::isAlive)).as("PostgreSQL").isEmpty();
            assertThat(ProcessHandle.of(daemon).filter(ProcessHandle::isAlive)).as("local mode process").isEmpty();
            assertThat(boundPorts()).as("ports still bound after stop").isEmpty();
            assertThat(cli.run(QUICK, "status").output()).contains("not running");

            // A restart keeps what the customer made and the calls it had.
            VoipbinCli.Result restart = cli.run(Duration.ofMinutes(3), "start");
            assertThat(restart.exitCode()).as(restart.output()).isZero();
            Http.Response after = Http.get(component(status(), "call-manager") + "/v1.0/calls", token);
            assertThat(after.body()).as("the calls after a restart").contains(demoCallId(demo.output()));
            assertThat(Http.get(component(status(), "call-manager") + "/v1.0/numbers", token).body())
                    .contains(demoNumber(demo.output()));
            assertThat(cli.run(Duration.ofMinutes(2), "stop").exitCode()).isZero();
        } finally {
            cli.run(Duration.ofMinutes(2), "stop");
        }
    }

    /** "call <id> ended: ..." */
    private static String demoCallId(String output) {
        return output.lines().filter(l -> l.startsWith("call ") && l.contains(" ended:")).findFirst()
                .orElseThrow().split(" ")[1];
    }

    /** "created number +1555... -> flow ..." */
    private static String demoNumber(String output) {
        return output.lines().filter(l -> l.startsWith("created number ")).findFirst().orElseThrow().split(" ")[2];
    }

    private JsonNode status() {
        return Json.newMapper().readTree(Http.get("http://127.0.0.1:" + (cli.portBase() + 11) + "/status", null).body());
    }

    private static String component(JsonNode status, String name) {
        for (JsonNode component : status.path("components")) {
            if (name.equals(component.path("name").asString())) {
                return component.path("url").asString();
            }
        }
        throw new AssertionError("no " + name + " in " + status);
    }

    /** The event types the demo printed, in order ({@code +1.234s  call_created  ...}). */
    private static List<String> eventTypes(String output) {
        List<String> types = new ArrayList<>();
        for (String line : output.lines().toList()) {
            String[] fields = line.trim().split("\\s+");
            if (fields.length > 1 && fields[0].matches("[+-]\\d+\\.\\d{3}s") && !fields[1].startsWith("(")) {
                types.add(fields[1]);
            }
        }
        return types;
    }

    private List<Integer> boundPorts() {
        List<Integer> bound = new ArrayList<>();
        for (int port = cli.portBase(); port < cli.portBase() + PortBlock.LOCAL_MODE_SPAN; port++) {
            try (Socket ignored = new Socket(InetAddress.getLoopbackAddress(), port)) {
                bound.add(port);
            } catch (java.io.IOException e) {
                // nobody listens: as it should be
            }
        }
        return bound;
    }
}
