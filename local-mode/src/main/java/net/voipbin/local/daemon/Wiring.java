package net.voipbin.local.daemon;

import java.util.ArrayList;
import java.util.List;

import net.voipbin.local.home.PortPlan;

/**
 * Where the fleet's shared parts are once they run: the broker, the database, the JWT key, the
 * simulator. Every service context gets its settings from here as {@code --key=value} arguments, which
 * win over its own application.yml and the environment.
 *
 * @param replyMode {@code queue} on Qpid Broker-J, which has no direct reply-to; {@code direct} on RabbitMQ
 */
public record Wiring(
        PortPlan ports,
        String amqpUrl,
        String amqpNamespace,
        String replyMode,
        String dbUrl,
        String dbUser,
        String dbPassword,
        String jwtSecret,
        String asteriskId) {

    /** The settings every service shares. */
    List<String> common(int port) {
        List<String> args = new ArrayList<>(List.of(
                "--server.address=127.0.0.1",
                "--server.port=" + port,
                "--spring.main.banner-mode=off",
                "--spring.rabbitmq.addresses=" + amqpUrl,
                "--voipbin.amqp.namespace=" + amqpNamespace,
                "--voipbin.rpc.reply-mode=" + replyMode,
                // Ten services share two cores and one broker here: fewer idle consumers each.
                "--voipbin.rpc.server-consumers=4",
                "--voipbin.auth.jwt-secret=" + jwtSecret,
                "--spring.datasource.url=" + dbUrl,
                "--spring.datasource.username=" + dbUser,
                "--spring.datasource.password=" + dbPassword));
        return args;
    }

    public String simulatorUrl() {
        return "http://127.0.0.1:" + ports.simulator();
    }
}
