package net.voipbin.rpc.config;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Everything a service configures about the wire, under {@code voipbin.*}. Defaults are the names
 * of DESIGN.md; {@code voipbin.amqp.namespace} prefixes every AMQP name (tests isolate themselves with
 * it, an operator can run two fleets on one broker).
 */
@ConfigurationProperties("voipbin")
public record VoipbinProperties(
        @DefaultValue Service service,
        @DefaultValue Amqp amqp,
        @DefaultValue Rpc rpc,
        @DefaultValue Events events,
        @DefaultValue Outbox outbox,
        @DefaultValue Auth auth,
        @DefaultValue Metrics metrics) {

    public record Service(String name) {
    }

    public record Amqp(
            @DefaultValue("") String namespace,
            @DefaultValue("bin-manager.event") String eventExchange) {
    }

    public record Rpc(
            @DefaultValue("3s") Duration timeout,
            @DefaultValue("16") int serverConsumers,
            @DefaultValue("8") int serverPrefetch,
            @DefaultValue("4") int clientChannels,
            @DefaultValue("direct") String replyMode,
            @DefaultValue("1MB") DataSize maxRequestSize) {
    }

    /**
     * {@code max-size}: the largest event the fleet publishes or consumes (envelope bytes); a bigger one is
     * refused at the publisher and parked unread by a consumer, so one huge event never stalls a queue.
     */
    public record Events(
            @DefaultValue("4") int consumers,
            @DefaultValue("32") int prefetch,
            @DefaultValue("5") int maxAttempts,
            @DefaultValue("5s") Duration confirmTimeout,
            @DefaultValue("1MB") DataSize maxSize) {
    }

    /**
     * The transactional outbox of a service with a database: {@code stale-after}, how long an event may
     * wait for its confirm before any instance's sweep sends it again (every {@code sweep-interval}; 0
     * turns the sweep off). {@code test-drop-after-commit} makes the service behave as one killed between
     * the commit and the publish, for the tests that prove the event still goes out.
     */
    public record Outbox(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("10s") Duration staleAfter,
            @DefaultValue("2s") Duration sweepInterval,
            @DefaultValue("false") boolean testDropAfterCommit) {
    }

    /** {@code jwt-secret}: the fleet's HS256 key (at least 32 bytes) that signs customer tokens. */
    /** @param queueSampleInterval how often the depth of the queues a service consumes is asked */
    public record Metrics(@DefaultValue("10s") Duration queueSampleInterval) {
    }

    public record Auth(String jwtSecret) {
    }
}
