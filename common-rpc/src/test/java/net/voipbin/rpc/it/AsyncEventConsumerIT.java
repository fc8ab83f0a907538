package net.voipbin.rpc.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.AcknowledgeMode;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.amqp.rabbit.listener.DirectMessageListenerContainer;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.GetResponse;

import net.voipbin.rpc.envelope.Event;
import net.voipbin.rpc.event.AsyncEventHandler;
import net.voipbin.rpc.event.ConfirmedSender;
import net.voipbin.rpc.event.EventConsumer;
import net.voipbin.rpc.json.Json;
import net.voipbin.testsupport.TestInfra;
import tools.jackson.databind.json.JsonMapper;

/**
 * An asynchronous handler on a real broker: its messages are acked when their stages complete, in any
 * order, and a message whose stage has not completed is never acked with the others (it comes back
 * when the consumer goes away).
 */
class AsyncEventConsumerIT {

    private static final JsonMapper JSON = Json.newMapper();

    private final String queue = "async-consumer-" + UUID.randomUUID();
    private final String deadQueue = queue + ".dead";
    private final Map<Integer, CompletableFuture<Void>> inHand = new ConcurrentHashMap<>();
    private final List<Integer> seen = new CopyOnWriteArrayList<>();
    private CachingConnectionFactory factory;
    private Connection admin;
    private Channel adminChannel;
    private DirectMessageListenerContainer container;
    private EventConsumer consumer;

    @BeforeEach
    void declare() throws Exception {
        factory = new CachingConnectionFactory(TestInfra.rabbit().connectionFactory());
        factory.setPublisherConfirmType(CachingConnectionFactory.ConfirmType.CORRELATED);
        admin = TestInfra.rabbit().connectionFactory().newConnection();
        adminChannel = admin.createChannel();
        adminChannel.queueDeclare(queue, true, false, false, null);
        adminChannel.queueDeclare(deadQueue, true, false, false, null);
        adminChannel.confirmSelect();
    }

    @AfterEach
    void cleanUp() throws Exception {
        if (container != null) {
            container.stop();
        }
        adminChannel.queueDelete(queue);
        adminChannel.queueDelete(deadQueue);
        admin.close();
        factory.destroy();
    }

    @Test
    void aMessageIsAckedWhenItsStageCompletesInAnyOrderAndAnUnfinishedOneNever() throws Exception {
        startConsumer(event -> {
            int n = event.data().get("n").asInt();
            seen.add(n);
            CompletableFuture<Void> done = new CompletableFuture<>();
            inHand.put(n, done);
            return done;
        });
        publish(20);
        await().atMost(Duration.ofSeconds(10)).until(() -> inHand.size() == 20);
        assertThat(messagesReady()).as("all 20 are in the consumer's hands, none acked yet").isZero();

        // Finish in reverse order, leaving every fourth one running: the finished ones are acked although a
        // running one is ahead of them, and no multiple-ack takes a running one along.
        IntStream.iterate(19, n -> n >= 0, n -> n - 1).filter(n -> n % 4 != 0).forEach(n -> inHand.get(n).complete(null));
        await().atMost(Duration.ofSeconds(10)).until(() -> consumer.unacknowledged() == 5);
        container.stop();

        Set<Integer> back = drain();
        assertThat(back).as("exactly the unfinished ones come back").containsExactly(0, 4, 8, 12, 16);
    }

    @Test
    void aFailedStageIsRetriedThenParked() throws Exception {
        startConsumer(event -> {
            seen.add(event.data().get("n").asInt());
            return CompletableFuture.failedFuture(new IllegalStateException("downstream refused"));
        });
        publish(1);

        GetResponse parked = await().atMost(Duration.ofSeconds(10)).until(() -> adminChannel.basicGet(deadQueue, true), r -> r != null);
        assertThat(seen).as("three attempts").containsExactly(0, 0, 0);
        await().atMost(Duration.ofSeconds(5)).until(() -> consumer.unacknowledged() == 0);
        assertThat(parked.getProps().getHeaders().get(EventConsumer.ATTEMPTS_HEADER)).isEqualTo(3);
        assertThat(parked.getProps().getHeaders().get(EventConsumer.ERROR_HEADER).toString()).contains("downstream refused");
        container.stop();
        assertThat(messagesReady()).as("the original was acked once parked").isZero();
    }

    private void startConsumer(AsyncEventHandler handler) {
        ConfirmedSender sender = new ConfirmedSender(new RabbitTemplate(factory), Duration.ofSeconds(5));
        container = new DirectMessageListenerContainer(factory);
        container.setQueueNames(queue);
        container.setAcknowledgeMode(AcknowledgeMode.MANUAL);
        container.setPrefetchCount(64);
        consumer = new EventConsumer(handler, JSON, sender, queue, deadQueue, 3);
        container.setMessageListener(consumer);
        container.start();
    }

    private void publish(int count) throws Exception {
        AMQP.BasicProperties persistent = new AMQP.BasicProperties.Builder().deliveryMode(2).build();
        for (int n = 0; n < count; n++) {
            Event event = new Event("thing_created", "publisher-svc", Instant.now(), JSON.valueToTree(Map.of("n", n)));
            adminChannel.basicPublish("", queue, persistent, JSON.writeValueAsBytes(event));
        }
        adminChannel.waitForConfirmsOrDie(5_000);
    }

    private long messagesReady() throws Exception {
        return adminChannel.queueDeclarePassive(queue).getMessageCount();
    }

    private Set<Integer> drain() throws Exception {
        Set<Integer> numbers = new TreeSet<>();
        await().atMost(Duration.ofSeconds(10)).until(() -> messagesReady() > 0);
        for (GetResponse got; (got = adminChannel.basicGet(queue, true)) != null; ) {
            numbers.add(JSON.readTree(got.getBody()).path("data").path("n").asInt());
        }
        return numbers;
    }
}
