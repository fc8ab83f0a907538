package net.voipbin.rpc.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageDeliveryMode;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;

import net.voipbin.rpc.event.OrderedPublisher;
import net.voipbin.testsupport.BrokerControl;
import net.voipbin.testsupport.TestInfra;

/**
 * The event publisher on a real broker: a message goes out while an earlier one still waits for its
 * confirm, and when the connection drops with messages unconfirmed, every message still arrives, the
 * first copy of each in the order handed over.
 */
class OrderedPublisherIT {

    private final String id = UUID.randomUUID().toString().substring(0, 8);
    private final String slow = "ordered-publisher-slow-" + id;
    private final String fast = "ordered-publisher-fast-" + id;
    private final String connectionName = "ordered-publisher-it-" + id;
    private CachingConnectionFactory factory;
    private OrderedPublisher publisher;
    private Connection admin;
    private Channel adminChannel;

    @BeforeEach
    void start() throws Exception {
        admin = TestInfra.rabbit().connectionFactory().newConnection();
        adminChannel = admin.createChannel();
        for (String queue : List.of(slow, fast)) {
            adminChannel.queueDeclare(queue, true, false, false, null);
            TestInfra.rememberQueue(queue);
        }
        factory = new CachingConnectionFactory(TestInfra.rabbit().connectionFactory());
        factory.setPublisherConfirmType(CachingConnectionFactory.ConfirmType.CORRELATED);
        factory.setConnectionNameStrategy(connectionFactory -> connectionName);
        publisher = new OrderedPublisher("test-publisher", factory, Duration.ofSeconds(20));
        publisher.start();
    }

    @AfterEach
    void stop() throws Exception {
        BrokerControl.resumeQueue(slow);
        publisher.stop();
        factory.destroy();
        adminChannel.queueDelete(slow);
        adminChannel.queueDelete(fast);
        admin.close();
    }

    @Test
    void aMessageGoesOutWhileAnEarlierOneWaitsForItsConfirm() throws Exception {
        BrokerControl.suspendQueue(slow);
        publisher.publish("", slow, message("held"));
        // Handed over apart, so that the first goes out alone before the second exists.
        Thread.sleep(500);
        publisher.publish("", fast, message("next"));

        await().atMost(Duration.ofSeconds(5)).until(() -> adminChannel.basicGet(fast, true) != null);
        assertThat(publisher.awaitConfirmed(Duration.ofMillis(200)))
                .as("the first message is still unconfirmed: its queue holds it back").isFalse();

        BrokerControl.resumeQueue(slow);
        assertThat(publisher.awaitConfirmed(Duration.ofSeconds(10))).isTrue();
        assertThat(body(adminChannel.basicGet(slow, true).getBody())).isEqualTo("held");
    }

    @Test
    void everyMessageArrivesInOrderWhenTheConnectionDropsWithMessagesUnconfirmed() throws Exception {
        List<String> received = new CopyOnWriteArrayList<>();
        adminChannel.basicConsume(slow, true, (tag, delivery) -> received.add(body(delivery.getBody())), tag -> { });
        BrokerControl.suspendQueue(slow);
        for (int i = 0; i < 500; i++) {
            publisher.publish("", slow, message(Integer.toString(i)));
        }
        assertThat(publisher.awaitConfirmed(Duration.ofMillis(500))).isFalse();

        assertThat(BrokerControl.closeConnections(connectionName)).as("publisher connections closed").isPositive();
        BrokerControl.resumeQueue(slow);
        for (int i = 500; i < 1_000; i++) {
            publisher.publish("", slow, message(Integer.toString(i)));
        }

        assertThat(publisher.awaitConfirmed(Duration.ofSeconds(30))).isTrue();
        List<String> all = IntStream.range(0, 1_000).mapToObj(Integer::toString).toList();
        await().atMost(Duration.ofSeconds(10)).until(() -> new LinkedHashSet<>(received).size() == all.size());
        assertThat(new ArrayList<>(new LinkedHashSet<>(received))).as("first copies, in order").isEqualTo(all);
    }

    private static Message message(String body) {
        MessageProperties properties = new MessageProperties();
        properties.setDeliveryMode(MessageDeliveryMode.PERSISTENT);
        return new Message(body.getBytes(StandardCharsets.UTF_8), properties);
    }

    private static String body(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
