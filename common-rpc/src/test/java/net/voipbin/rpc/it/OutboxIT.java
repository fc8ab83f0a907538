package net.voipbin.rpc.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.DeliverCallback;

import net.voipbin.rpc.envelope.Event;
import net.voipbin.rpc.event.EventPublisher;
import net.voipbin.rpc.event.OrderedPublisher;
import net.voipbin.rpc.json.Json;
import net.voipbin.rpc.outbox.OutboxRelay;
import net.voipbin.rpc.outbox.OutboxTable;
import net.voipbin.testsupport.Postgres;
import net.voipbin.testsupport.TestInfra;
import tools.jackson.databind.json.JsonMapper;

/**
 * The outbox on the real PostgreSQL and RabbitMQ: an event exists exactly when the change it announces
 * is committed, and an instance that dies between the commit and the publish loses nothing: the next
 * one sends the stored event, with the same event id.
 */
class OutboxIT {

    private static final JsonMapper JSON = Json.newMapper();
    private static final String MIGRATION = "/db/outbox/R__event_outbox.sql";

    private final String exchange = "outbox-it-" + UUID.randomUUID().toString().substring(0, 8);
    private final List<Event> received = new CopyOnWriteArrayList<>();
    private DriverManagerDataSource dataSource;
    private JdbcTemplate jdbc;
    private TransactionTemplate transactions;
    private CachingConnectionFactory factory;
    private Connection admin;
    private final List<AutoCloseable> instances = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws Exception {
        Postgres db = TestInfra.postgres();
        String schema = TestInfra.uniqueSchema("outbox");
        new JdbcTemplate(new DriverManagerDataSource(db.jdbcUrl(), db.user(), db.password()))
                .execute("CREATE SCHEMA " + schema);
        // A connection of its own for each use, as a pool gives: the relay's thread never shares the test's transaction.
        dataSource = new DriverManagerDataSource(db.jdbcUrl() + (db.jdbcUrl().contains("?") ? "&" : "?")
                + "currentSchema=" + schema, db.user(), db.password());
        jdbc = new JdbcTemplate(dataSource);
        jdbc.execute(new String(OutboxIT.class.getResourceAsStream(MIGRATION).readAllBytes()));
        jdbc.execute("CREATE TABLE things (id text PRIMARY KEY)");
        transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));

        admin = TestInfra.rabbit().connectionFactory().newConnection();
        Channel channel = admin.createChannel();
        channel.exchangeDeclare(exchange, "topic", false, true, null);
        String queue = channel.queueDeclare().getQueue();
        channel.queueBind(queue, exchange, "#");
        DeliverCallback deliver = (tag, delivery) -> received.add(JSON.readValue(delivery.getBody(), Event.class));
        channel.basicConsume(queue, true, deliver, tag -> { });
        factory = new CachingConnectionFactory(TestInfra.rabbit().connectionFactory());
        factory.setPublisherConfirmType(CachingConnectionFactory.ConfirmType.CORRELATED);
    }

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable instance : instances.reversed()) {
            instance.close();
        }
        factory.destroy();
        admin.close();
    }

    /** One service instance's publishing side: its publisher, relay and the table they share with others. */
    private EventPublisher instance(Duration staleAfter, boolean diesAfterCommit) {
        OrderedPublisher sender = new OrderedPublisher("outbox-it", factory, Duration.ofSeconds(5));
        OutboxRelay relay = new OutboxRelay(new OutboxTable(jdbc), sender, staleAfter, Duration.ofMillis(200),
                diesAfterCommit);
        relay.start();
        sender.start();
        instances.add(() -> {
            sender.stop();
            relay.stop();
        });
        return new EventPublisher(sender, JSON, exchange, "thing-service", Clock.systemUTC(), relay);
    }

    private void createThing(EventPublisher events, String id) {
        transactions.executeWithoutResult(status -> {
            jdbc.update("INSERT INTO things (id) VALUES (?)", id);
            events.publish("thing_created", Map.of("id", id));
            events.publish("thing_updated", Map.of("id", id));
        });
    }

    private List<String> receivedFor(String id) {
        return received.stream().filter(e -> e.data().path("id").asString().equals(id)).map(Event::type).toList();
    }

    private long stored() {
        return jdbc.queryForObject("SELECT count(*) FROM event_outbox", Long.class);
    }

    @Test
    void aCommittedChangesEventsGoOutOnceInOrderAndLeaveNoRowBehind() {
        EventPublisher events = instance(Duration.ofSeconds(30), false);

        for (int i = 0; i < 50; i++) {
            createThing(events, "thing-" + i);
        }

        await().atMost(Duration.ofSeconds(10)).until(() -> received.size() == 100);
        for (int i = 0; i < 50; i++) {
            assertThat(receivedFor("thing-" + i)).containsExactly("thing_created", "thing_updated");
        }
        assertThat(received.stream().map(Event::eventId).distinct()).hasSize(100);
        await().atMost(Duration.ofSeconds(5)).until(() -> stored() == 0);
    }

    @Test
    void aRolledBackChangeIsNeverAnnouncedAndLeavesNoRow() {
        EventPublisher events = instance(Duration.ofSeconds(30), false);

        transactions.executeWithoutResult(status -> {
            jdbc.update("INSERT INTO things (id) VALUES ('undone')");
            events.publish("thing_created", Map.of("id", "undone"));
            status.setRollbackOnly();
        });
        createThing(events, "marker");

        await().atMost(Duration.ofSeconds(10)).until(() -> receivedFor("marker").size() == 2);
        assertThat(receivedFor("undone")).isEmpty();
        await().atMost(Duration.ofSeconds(5)).until(() -> stored() == 0);
    }

    @Test
    void anEventWhosePublisherDiedAfterTheCommitIsSentByTheNextInstanceWithItsEventId() throws Exception {
        EventPublisher dying = instance(Duration.ofSeconds(1), true);
        createThing(dying, "orphan");
        UUID storedId = jdbc.queryForObject("SELECT event_id FROM event_outbox ORDER BY seq LIMIT 1", UUID.class);
        Thread.sleep(500);
        assertThat(received).as("the dying instance sent nothing").isEmpty();
        assertThat(stored()).isEqualTo(2);

        instance(Duration.ofSeconds(1), false);

        await().atMost(Duration.ofSeconds(10)).until(() -> receivedFor("orphan").size() == 2);
        assertThat(receivedFor("orphan")).containsExactly("thing_created", "thing_updated");
        assertThat(received.getFirst().eventId()).isEqualTo(storedId);
        await().atMost(Duration.ofSeconds(5)).until(() -> stored() == 0);
        Thread.sleep(1_500);
        assertThat(receivedFor("orphan")).as("sent once, not again by a later sweep").hasSize(2);
    }

    @Test
    void anEventPublishedOutsideATransactionGoesOutWithoutARowWhenTheBrokerConfirmsAtOnce() {
        EventPublisher events = instance(Duration.ofSeconds(30), false);

        events.publish("thing_created", Map.of("id", "loose"));

        await().atMost(Duration.ofSeconds(10)).until(() -> receivedFor("loose").size() == 1);
        await().atMost(Duration.ofSeconds(5)).until(() -> stored() == 0);
    }

    @Test
    void anEventPublishedOutsideATransactionThatTheBrokerDoesNotConfirmIsStoredAndSentByTheNextInstance()
            throws Exception {
        EventPublisher unconfirmed = instance(Duration.ofSeconds(1), true);
        unconfirmed.publish("thing_created", Map.of("id", "loose-orphan"));
        await().atMost(Duration.ofSeconds(5)).until(() -> stored() == 1);

        instance(Duration.ofSeconds(1), false);

        await().atMost(Duration.ofSeconds(10)).until(() -> receivedFor("loose-orphan").size() == 1);
        await().atMost(Duration.ofSeconds(5)).until(() -> stored() == 0);
    }
}
