package net.voipbin.local.daemon;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import net.voipbin.local.home.LocalSettings;
import net.voipbin.local.home.PortPlan;
import net.voipbin.local.preflight.Reachability;

/**
 * What the services stand on: PostgreSQL, the AMQP broker and the ARI simulator. Embedded unless the
 * user's environment names their own PostgreSQL ({@code VOIPBIN_DB_URL}) or RabbitMQ
 * ({@code VOIPBIN_AMQP_URL}). Closed in the reverse order of start.
 */
final class FleetInfrastructure implements AutoCloseable {

    static final String DATABASE = "postgresql";
    static final String BROKER = "amqp-broker";
    static final String SIMULATOR = "asterisk-sim";

    private static final Logger log = LoggerFactory.getLogger(FleetInfrastructure.class);

    private final LocalSettings settings;
    private final PortPlan ports;
    private final FleetStatus status;
    private final Deque<AutoCloseable> started = new ArrayDeque<>();

    FleetInfrastructure(LocalSettings settings, FleetStatus status) {
        this.settings = settings;
        this.ports = settings.ports();
        this.status = status;
        status.expect(DATABASE, settings.externalDatabase().map(LocalSettings.ExternalDatabase::url)
                .orElse("jdbc:postgresql://127.0.0.1:" + ports.database() + "/" + EmbeddedDatabase.DATABASE));
        status.expect(BROKER, settings.externalAmqpUrl().map(Reachability::withoutPassword)
                .orElse("amqp://127.0.0.1:" + ports.amqp()));
        status.expect(SIMULATOR, "http://127.0.0.1:" + ports.simulator());
    }

    /** Starts the three (database and broker side by side) and says where they are. */
    Wiring start() {
        CompletableFuture<String[]> database = CompletableFuture.supplyAsync(() -> guarded(DATABASE, this::database));
        CompletableFuture<String> broker = CompletableFuture.supplyAsync(() -> guarded(BROKER, this::broker));
        Simulator simulator = guarded(SIMULATOR, () -> track(Simulator.start(ports.simulator())));
        String[] db = join(database);
        String amqp = join(broker);
        boolean rabbit = settings.externalAmqpUrl().isPresent();
        return new Wiring(ports, amqp, settings.amqpNamespace(), rabbit ? "direct" : "queue", db[0], db[1], db[2],
                settings.home().jwtSecret(), simulator.asteriskId());
    }

    /** URL, user, password. */
    private String[] database() {
        if (settings.externalDatabase().isPresent()) {
            LocalSettings.ExternalDatabase external = settings.externalDatabase().get();
            Reachability.database(external.url(), external.user(), external.password());
            return new String[] {external.url(), external.user(), external.password()};
        }
        EmbeddedDatabase embedded = track(EmbeddedDatabase.start(settings.home().pgData(), ports.database()));
        return new String[] {embedded.jdbcUrl(), EmbeddedDatabase.USER, ""};
    }

    private String broker() {
        if (settings.externalAmqpUrl().isPresent()) {
            String url = settings.externalAmqpUrl().get();
            Reachability.broker(url);
            return url;
        }
        return track(EmbeddedBroker.start(settings.home().brokerWork(), ports.amqp())).amqpUrl();
    }

    /** Runs a part's start, and says in the status table how it went. */
    private <T> T guarded(String name, Supplier<T> start) {
        try {
            T result = start.get();
            status.up(name, () -> ComponentState.HEALTHY);
            log.info("{} started", name);
            return result;
        } catch (RuntimeException e) {
            log.error("{} did not start", name, e);
            status.failed(name, FleetDaemon.rootMessage(e));
            throw e;
        }
    }

    /** Remembers a started part for {@link #close()}. */
    private <T extends AutoCloseable> T track(T part) {
        synchronized (started) {
            started.push(part);
        }
        return part;
    }

    private static <T> T join(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : e;
        }
    }

    @Override
    public void close() {
        synchronized (started) {
            while (!started.isEmpty()) {
                AutoCloseable part = started.pop();
                try {
                    part.close();
                } catch (Exception e) {
                    log.warn("{} did not stop cleanly", part, e);
                }
            }
        }
    }
}
