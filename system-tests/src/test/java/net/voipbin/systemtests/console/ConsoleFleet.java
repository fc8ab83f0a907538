package net.voipbin.systemtests.console;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import net.voipbin.rpc.auth.JwtTokens;
import net.voipbin.rpc.json.Json;
import net.voipbin.systemtests.launch.RunnableJars;
import net.voipbin.systemtests.local.PortBlock;
import net.voipbin.testsupport.Http;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The fleet in local mode behind the console: local mode's packaged jar started with {@code start} in a
 * state directory and port block of its own (as {@code ./voipbin start} does, without the script's
 * rebuild: like every system test this runs what Maven packaged), its API gateway serving the console
 * and the public API, and the simulator's control API for the caller's side of a call.
 */
final class ConsoleFleet implements AutoCloseable {

    private static final JsonMapper JSON = Json.newMapper();
    private static final Duration START_WITHIN = Duration.ofMinutes(3);

    private final Path home;
    private final int portBase;
    private JsonNode status;

    private ConsoleFleet(Path home, int portBase) {
        this.home = home;
        this.portBase = portBase;
    }

    static ConsoleFleet start() {
        ConsoleFleet fleet = new ConsoleFleet(Path.of("target", "local-mode", "console-" + UUID.randomUUID())
                .toAbsolutePath(), PortBlock.freeBase());
        String output = fleet.run(START_WITHIN, "start");
        fleet.status = JSON.readTree(Http.get("http://127.0.0.1:" + (fleet.portBase + 11) + "/status", null).body());
        if (fleet.status.path("components").isEmpty()) {
            fleet.close();
            throw new IllegalStateException("local mode reported no components:\n" + output);
        }
        return fleet;
    }

    /** The gateway's base URL: the console at {@code /console/}, the public API at {@code /v1.0}. */
    String gateway() {
        return component("api-gateway");
    }

    String component(String name) {
        for (JsonNode component : status.path("components")) {
            if (name.equals(component.path("name").asString())) {
                return component.path("url").asString();
            }
        }
        throw new IllegalArgumentException("no component " + name + " in " + status);
    }

    String tokenFor(UUID customerId) {
        try {
            return JwtTokens.mint(Files.readString(home.resolve("jwt-secret")).trim(), customerId, Duration.ofHours(1));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A REST call through the gateway as the customer; fails on any status but {@code expected}. */
    JsonNode api(String method, String path, String token, String body, int expected) {
        String url = gateway() + "/v1.0" + path;
        Http.Response response = switch (method) {
            case "GET" -> Http.get(url, token);
            case "POST" -> Http.post(url, token, body == null ? "" : body);
            case "PUT" -> Http.put(url, token, body);
            case "DELETE" -> Http.delete(url, token);
            default -> throw new IllegalArgumentException(method);
        };
        if (response.status() != expected) {
            throw new IllegalStateException(method + " " + path + " answered " + response.status() + ": " + response.body());
        }
        return response.body() == null || response.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(response.body());
    }

    /** A caller dials {@code dialed} on the simulator; returns the channel's id. */
    String placeCall(String caller, String dialed) {
        return sim("POST", "/sim/calls?caller=" + encode(caller) + "&dialed=" + encode(dialed)).path("channel_id").asString();
    }

    void callerHangsUp(String channelId) {
        sim("POST", "/sim/channels/" + channelId + "/hangup");
    }

    /** The channels the simulator has up now. */
    List<String> liveChannels() {
        List<String> ids = new ArrayList<>();
        sim("GET", "/sim/channels").forEach(id -> ids.add(id.asString()));
        return ids;
    }

    /** Originates to numbers containing {@code match} end this way after {@code delay}. */
    void planOriginate(String match, String outcome, Duration delay) {
        sim("POST", "/sim/originate-plan?match=" + encode(match) + "&outcome=" + outcome + "&delay_ms=" + delay.toMillis());
    }

    private JsonNode sim(String method, String path) {
        String url = status.path("simulator_url").asString() + path;
        Http.Response response = method.equals("GET") ? Http.get(url, null) : Http.post(url, null, "");
        if (response.status() / 100 != 2) {
            throw new IllegalStateException("asterisk-sim control API answered " + response);
        }
        return response.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(response.body());
    }

    @Override
    public void close() {
        run(Duration.ofMinutes(2), "stop");
    }

    private String run(Duration within, String command) {
        List<String> line = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-jar", localModeJar().toString(), command);
        ProcessBuilder builder = new ProcessBuilder(line).redirectErrorStream(true);
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(name -> name.startsWith("VOIPBIN_"));
        env.put("VOIPBIN_LOCAL_DIR", home.toString());
        env.put("VOIPBIN_LOCAL_PORT_BASE", Integer.toString(portBase));
        try {
            Process process = builder.start();
            process.getOutputStream().close();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(within.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("local mode " + command + " did not end within " + within + ":\n" + output);
            }
            if (process.exitValue() != 0 && command.equals("start")) {
                run(Duration.ofMinutes(1), "stop");
                throw new IllegalStateException("local mode start exited " + process.exitValue() + ":\n" + output);
            }
            return output;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Path localModeJar() {
        Path target = RunnableJars.fromEnvironment().root().resolve("local-mode").resolve("target");
        try (Stream<Path> files = Files.list(target)) {
            return files.filter(p -> p.getFileName().toString().matches("local-mode-.*\\.jar")
                    && !p.getFileName().toString().matches(".*-(sources|tests)\\.jar")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("local mode is not packaged: ./mvnw -B -q -pl local-mode -am package -DskipTests"));
        } catch (IOException e) {
            throw new IllegalStateException("local mode is not packaged (" + target + "): ./mvnw -B -q -pl local-mode -am package -DskipTests", e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
