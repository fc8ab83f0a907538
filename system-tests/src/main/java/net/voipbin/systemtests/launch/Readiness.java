package net.voipbin.systemtests.launch;

/**
 * How a launched process says it is ready: a Spring Boot service answers {@code /actuator/health}
 * with 200 (UP; 503 while a component such as the database or ARI is down), the simulator prints a
 * line.
 */
public sealed interface Readiness {

    /** {@code GET http://127.0.0.1:<port>/actuator/health} answers 200. */
    record HealthUp(int port) implements Readiness {
    }

    /** The process printed a line containing {@code marker}. */
    record LogLine(String marker) implements Readiness {
    }
}
