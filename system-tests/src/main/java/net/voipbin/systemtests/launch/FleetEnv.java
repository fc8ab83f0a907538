package net.voipbin.systemtests.launch;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What every fleet service is told about its surroundings (common-rpc's {@code VOIPBIN_*} settings):
 * the broker, the database, the JWT key and the AMQP namespace that keeps one run's queues apart
 * from every other's.
 */
public record FleetEnv(
        String amqpUrl,
        String dbUrl,
        String dbUser,
        String dbPassword,
        String jwtSecret,
        String namespace) {

    /** The environment variables of a service listening on {@code port}. */
    public Map<String, String> forService(int port) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("VOIPBIN_AMQP_URL", amqpUrl);
        env.put("VOIPBIN_DB_URL", dbUrl);
        env.put("VOIPBIN_DB_USER", dbUser);
        env.put("VOIPBIN_DB_PASSWORD", dbPassword == null ? "" : dbPassword);
        env.put("VOIPBIN_AUTH_JWT_SECRET", jwtSecret);
        env.put("VOIPBIN_AMQP_NAMESPACE", namespace);
        env.put("PORT", Integer.toString(port));
        return env;
    }
}
