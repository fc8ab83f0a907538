package net.voipbin.local.home;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * What the user's environment says about local mode: where its state lives ({@code VOIPBIN_LOCAL_DIR},
 * default {@code .voipbin}), where its ports start ({@code VOIPBIN_LOCAL_PORT_BASE}, default 8080),
 * and whether to use the user's own PostgreSQL ({@code VOIPBIN_DB_URL}, {@code VOIPBIN_DB_USER},
 * {@code VOIPBIN_DB_PASSWORD}) or RabbitMQ ({@code VOIPBIN_AMQP_URL}) instead of the embedded ones, and the
 * prefix of every queue and exchange name there ({@code VOIPBIN_AMQP_NAMESPACE}, as for every service).
 */
public record LocalSettings(
        LocalHome home,
        PortPlan ports,
        Optional<ExternalDatabase> externalDatabase,
        Optional<String> externalAmqpUrl,
        String amqpNamespace) {

    public static final int DEFAULT_PORT_BASE = 8080;

    /** A PostgreSQL the user runs. */
    public record ExternalDatabase(String url, String user, String password) {
    }

    public static LocalSettings from(Map<String, String> env) {
        LocalHome home = new LocalHome(Path.of(env.getOrDefault("VOIPBIN_LOCAL_DIR", ".voipbin")));
        String base = env.getOrDefault("VOIPBIN_LOCAL_PORT_BASE", Integer.toString(DEFAULT_PORT_BASE));
        PortPlan ports;
        try {
            ports = new PortPlan(Integer.parseInt(base.trim()));
        } catch (IllegalArgumentException e) {
            throw new LocalModeException("VOIPBIN_LOCAL_PORT_BASE=" + base + " is not a usable port base: "
                    + e.getMessage());
        }
        Optional<ExternalDatabase> database = nonBlank(env.get("VOIPBIN_DB_URL"))
                .map(url -> new ExternalDatabase(url, env.getOrDefault("VOIPBIN_DB_USER", "postgres"),
                        env.getOrDefault("VOIPBIN_DB_PASSWORD", "")));
        return new LocalSettings(home, ports, database, nonBlank(env.get("VOIPBIN_AMQP_URL")),
                env.getOrDefault("VOIPBIN_AMQP_NAMESPACE", ""));
    }

    private static Optional<String> nonBlank(String value) {
        return Optional.ofNullable(value).filter(v -> !v.isBlank());
    }
}
