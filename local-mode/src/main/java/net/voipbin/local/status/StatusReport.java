package net.voipbin.local.status;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import net.voipbin.local.daemon.ComponentState;

/**
 * What the running local mode says about itself on {@code GET /status} of its control port: every
 * component with its URL and state, where the broker and the database are, and the development
 * customer.
 *
 * @param readySeconds  start to every component healthy (null while starting)
 * @param amqpNamespace the prefix of every queue and exchange name on the broker ("" by default)
 */
public record StatusReport(
        long pid,
        Instant startedAt,
        Double readySeconds,
        String amqpUrl,
        String amqpNamespace,
        String dbUrl,
        String simulatorUrl,
        UUID customerId,
        List<Component> components) {

    public record Component(String name, String url, ComponentState state, String detail) {
    }

    public boolean allHealthy() {
        return readySeconds != null && components.stream().allMatch(c -> c.state() == ComponentState.HEALTHY);
    }

    public List<Component> failed() {
        return components.stream().filter(c -> c.state() == ComponentState.FAILED).toList();
    }

    /** The URL of a component by name ("" when there is none). */
    public String urlOf(String name) {
        return components.stream().filter(c -> c.name().equals(name)).map(Component::url).findFirst().orElse("");
    }
}
