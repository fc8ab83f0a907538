package net.voipbin.local.daemon;

import java.util.List;
import java.util.function.Function;

import net.voipbin.local.home.PortPlan;

/**
 * One fleet service as local mode runs it: its Spring Boot application class, its documented HTTP port
 * and the settings local mode adds for it.
 */
public record LocalService(
        String name,
        Class<?> application,
        int documentedPort,
        Function<Wiring, List<String>> settings) implements PortPlan.Named {

    public LocalService {
        settings = settings == null ? wiring -> List.of() : settings;
    }
}
