package net.voipbin.callmanager.ari;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeoutException;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.GetResponse;

import net.voipbin.contract.asteriskproxy.AsteriskProxyEvents;
import net.voipbin.rpc.envelope.Event;
import net.voipbin.rpc.envelope.RpcRequest;
import net.voipbin.rpc.json.Json;
import net.voipbin.rpc.topology.AriPartitions;
import net.voipbin.rpc.topology.Topology;
import net.voipbin.testsupport.TestInfra;
import tools.jackson.databind.json.JsonMapper;

/**
 * The partitioned ARI intake on the real broker, without the rest of call-manager: what each partition
 * queue receives, order per channel, two instances sharing the partitions and one taking the other's over,
 * and the layout repairing what an older layout left (the fanout of before partitions, another count).
 * Each test has its own namespace.
 */
class PartitionIntakeIT {

    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final String ASTERISK_ID = "asterisk-it";

    private final JsonMapper json = Json.newMapper();
    private final List<IntakeInstance> instances = new ArrayList<>();
    private Topology topology;
    private Connection connection;
    private Channel amqp;

    @BeforeEach
    void broker() throws Exception {
        topology = new Topology(TestInfra.uniqueNamespace(), "bin-manager.event");
        connection = TestInfra.rabbit().connectionFactory().newConnection("partition-intake-it");
        amqp = connection.createChannel();
        amqp.confirmSelect();
    }

    @AfterEach
    void close() throws Exception {
        instances.forEach(IntakeInstance::close);
        try (Channel cleanup = connection.createChannel()) {
            cleanup.exchangeDelete(topology.asteriskEvents());
        }
        connection.close();
    }

    @Test
    void withFourPartitionsEachQueueGetsExactlyItsBuckets() throws Exception {
        AriPartitions four = new AriPartitions(topology, 4);
        layOut(four);

        for (int bucket = 0; bucket < AriPartitions.BUCKETS; bucket++) {
            publish(Integer.toString(bucket), Integer.toString(bucket).getBytes(StandardCharsets.UTF_8));
        }
        publish(AriPartitions.UNPARTITIONED, "unpartitioned".getBytes(StandardCharsets.UTF_8));

        for (int partition = 0; partition < 4; partition++) {
            int p = partition;
            List<String> expected = new ArrayList<>(IntStream.range(0, AriPartitions.BUCKETS).filter(b -> b % 4 == p)
                    .mapToObj(Integer::toString).toList());
            if (p == 0) {
                expected.add("unpartitioned");
            }
            assertThat(drain(four.queue(p))).as("partition %d", p).containsExactlyElementsOf(expected);
        }
    }

    @Test
    void oneChannelsEventsSpreadOverManyMessagesAreHandledInOrder() throws Exception {
        AriPartitions four = new AriPartitions(topology, 4);
        IntakeInstance intake = intake(four, "one").start();
        List<String> channels = IntStream.range(0, 20).mapToObj(i -> "1800000000." + i).toList();

        for (int seq = 0; seq < 40; seq++) {
            for (String channel : channels) {
                publishAri(channel, seq);
            }
        }

        await().atMost(WAIT).until(() -> intake.handled().size() == 800);
        Map<String, List<Integer>> byChannel = sequences(intake.handled());
        assertThat(byChannel).hasSize(20).allSatisfy((channel, seqs) ->
                assertThat(seqs).as(channel).containsExactlyElementsOf(IntStream.range(0, 40).boxed().toList()));
    }

    @Test
    void twoInstancesShareThePartitionsOneConsumerEachAndTheSurvivorTakesOverWithinSeconds() throws Exception {
        AriPartitions four = new AriPartitions(topology, 4);
        IntakeInstance first = intake(four, "first").start();
        IntakeInstance second = intake(four, "second").start();
        await().atMost(WAIT).until(() -> four.queues().stream().allMatch(queue -> consumers(queue) == 1));
        List<String> channels = IntStream.range(0, 40).mapToObj(i -> "1800000001." + i).toList();
        channels.forEach(channel -> publishAri(channel, 0));
        await().atMost(WAIT).until(() -> first.handled().size() + second.handled().size() == 40);

        for (int partition = 0; partition < 4; partition++) {
            String queue = four.queue(partition);
            long byFirst = first.handled().stream().filter(e -> queueOf(four, e).equals(queue)).count();
            long bySecond = second.handled().stream().filter(e -> queueOf(four, e).equals(queue)).count();
            assertThat(byFirst == 0 || bySecond == 0).as("%s consumed by one instance (%d, %d)", queue, byFirst, bySecond)
                    .isTrue();
        }

        // The first started usually holds every partition; whichever holds some dies.
        IntakeInstance holder = first.handled().isEmpty() ? second : first;
        IntakeInstance survivor = holder == first ? second : first;
        Instant killed = Instant.now();
        holder.kill();
        channels.forEach(channel -> publishAri(channel, 1));

        await().atMost(WAIT).until(() -> survivor.handled().stream().filter(event -> seq(event) == 1).count() == 40);
        assertThat(Duration.between(killed, Instant.now())).as("takeover").isLessThan(Duration.ofSeconds(5));
        assertThat(holder.handled()).noneMatch(event -> seq(event) == 1);
        assertThat(four.queues()).allSatisfy(queue -> assertThat(consumers(queue)).isEqualTo(1));
    }

    @Test
    void theFanoutOfBeforePartitionsIsReplacedAndItsQueueDrainedIntoThePartitionsInOrder() throws Exception {
        String legacy = topology.asteriskEvents();
        TestInfra.rememberQueue(legacy);
        amqp.exchangeDeclare(legacy, "fanout", true);
        amqp.queueDeclare(legacy, true, false, false, null);
        amqp.queueBind(legacy, legacy, "");
        for (int seq = 0; seq < 5; seq++) {
            for (String channel : List.of("1800000002.1", "1800000002.2")) {
                publish(AriPartitions.UNPARTITIONED, envelope(channel, seq));
            }
        }

        AriPartitions four = new AriPartitions(topology, 4);
        IntakeInstance intake = intake(four, "upgraded").start();
        publishAri("1800000002.1", 5);

        await().atMost(WAIT).until(() -> intake.handled().size() == 11);
        assertThat(sequences(intake.handled()).get("1800000002.1")).containsExactly(0, 1, 2, 3, 4, 5);
        assertThat(sequences(intake.handled()).get("1800000002.2")).containsExactly(0, 1, 2, 3, 4);
        assertThat(queueExists(legacy)).as("the queue of before partitions is gone").isFalse();
        try (Channel probe = connection.createChannel()) {
            // Declaring another type than the existing one is refused: this passes only for a direct exchange.
            probe.exchangeDeclare(legacy, AriPartitions.EXCHANGE_TYPE, true);
        }
    }

    @Test
    void anotherPartitionCountIsLaidOutAgainWithEveryBucketBoundOnceAndNothingLeftBehind() throws Exception {
        AriPartitions three = new AriPartitions(topology, 3);
        layOut(three);
        String inPartitionTwo = IntStream.range(0, 100).mapToObj(i -> "1800000003." + i)
                .filter(channel -> queueOfChannel(three, channel).equals(three.queue(2))).findFirst().orElseThrow();
        publishAri(inPartitionTwo, 0);

        AriPartitions two = new AriPartitions(topology, 2);
        layOut(two);
        for (int bucket = 0; bucket < AriPartitions.BUCKETS; bucket++) {
            publish(Integer.toString(bucket), ("bucket " + bucket).getBytes(StandardCharsets.UTF_8));
        }

        assertThat(queueExists(three.queue(2))).as("partition 2 of 3 drained and deleted").isFalse();
        Map<String, List<String>> received = Map.of(two.queue(0), drain(two.queue(0)), two.queue(1), drain(two.queue(1)));
        for (int partition = 0; partition < 2; partition++) {
            int p = partition;
            assertThat(received.get(two.queue(p)).stream().filter(body -> body.startsWith("bucket ")))
                    .as("partition %d of 2", p)
                    .containsExactlyElementsOf(IntStream.range(0, AriPartitions.BUCKETS).filter(b -> b % 2 == p)
                            .mapToObj(b -> "bucket " + b).toList());
        }
        assertThat(received.get(queueOfChannel(two, inPartitionTwo))).anyMatch(body -> body.contains(inPartitionTwo));
    }

    @Test
    void aPartitionQueueThatVanishesUnderARunningInstanceIsLaidOutAgain() throws Exception {
        AriPartitions four = new AriPartitions(topology, 4);
        IntakeInstance intake = intake(four, "survivor").start();
        String inPartitionTwo = IntStream.range(0, 100).mapToObj(i -> "1800000005." + i)
                .filter(channel -> queueOfChannel(four, channel).equals(four.queue(2))).findFirst().orElseThrow();

        amqp.queueDelete(four.queue(2));
        await().atMost(WAIT).until(() -> consumers(four.queue(2)) == 1);
        // The consumer is back as soon as its queue is, the 1,025 bindings come after (1-3 s under load), and
        // an event published before its binding is there is routed nowhere: sent again until it arrives.
        await().atMost(WAIT).pollInterval(Duration.ofMillis(500)).until(() -> {
            if (intake.handled().isEmpty()) {
                publishAri(inPartitionTwo, 0);
            }
            return !intake.handled().isEmpty();
        });
        assertThat(intake.handled()).extracting(e -> e.data().at("/channel/id").asString()).containsOnly(inPartitionTwo);
    }

    @Test
    void onePartitionIsTheSingleQueueOfBefore() throws Exception {
        AriPartitions one = new AriPartitions(topology, 1);
        IntakeInstance intake = intake(one, "single").start();
        publishAri("1800000004.1", 0);

        await().atMost(WAIT).until(() -> intake.handled().size() == 1);
        assertThat(one.queues()).containsExactly(topology.asteriskEvents());
        assertThat(queueExists(topology.asteriskEvents() + ".0")).isFalse();
    }

    private IntakeInstance intake(AriPartitions partitions, String name) {
        IntakeInstance instance = new IntakeInstance(partitions, "it-" + name);
        instances.add(instance);
        return instance;
    }

    /** The layout a call-manager with this count makes at its start, without consuming. */
    private void layOut(AriPartitions partitions) throws Exception {
        try (IntakeInstance instance = new IntakeInstance(partitions, "it-layout")) {
            instance.layOut();
        }
    }

    /** As asterisk-proxy publishes a channel's event: routed by the channel's bucket. */
    private void publishAri(String channel, int seq) {
        try {
            publish(Integer.toString(AriPartitions.bucket(channel)), envelope(channel, seq));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private byte[] envelope(String channel, int seq) {
        return json.writeValueAsBytes(new Event(UUID.randomUUID(), AsteriskProxyEvents.ARI_EVENT,
                AsteriskProxyEvents.PUBLISHER, Instant.now(), RpcRequest.JSON, json.readTree(
                        "{\"type\":\"ChannelDtmfReceived\",\"digit\":\"" + seq + "\",\"channel\":{\"id\":\"" + channel
                                + "\"}}"), ASTERISK_ID));
    }

    private void publish(String routingKey, byte[] body) throws IOException {
        amqp.basicPublish(topology.asteriskEvents(), routingKey,
                new AMQP.BasicProperties.Builder().contentType("application/json").deliveryMode(2).build(), body);
        try {
            amqp.waitForConfirmsOrDie(5_000);
        } catch (InterruptedException | TimeoutException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<String> drain(String queue) throws IOException {
        List<String> bodies = new ArrayList<>();
        for (GetResponse message; (message = amqp.basicGet(queue, true)) != null; ) {
            bodies.add(new String(message.getBody(), StandardCharsets.UTF_8));
        }
        return bodies;
    }

    private int consumers(String queue) {
        try (Channel probe = connection.createChannel()) {
            return probe.queueDeclarePassive(queue).getConsumerCount();
        } catch (Exception e) {
            return -1;
        }
    }

    private boolean queueExists(String queue) {
        return consumers(queue) >= 0;
    }

    private static String queueOf(AriPartitions partitions, Event event) {
        return partitions.queueOf(event.data(), event.asteriskId());
    }

    private String queueOfChannel(AriPartitions partitions, String channel) {
        return partitions.queueOf(json.readTree("{\"channel\":{\"id\":\"" + channel + "\"}}"), ASTERISK_ID);
    }

    private static int seq(Event event) {
        return Integer.parseInt(event.data().path("digit").asString());
    }

    private static Map<String, List<Integer>> sequences(List<Event> events) {
        Map<String, List<Integer>> byChannel = new HashMap<>();
        for (Event event : events) {
            byChannel.computeIfAbsent(event.data().at("/channel/id").asString(), c -> new ArrayList<>())
                    .add(seq(event));
        }
        return byChannel;
    }
}
