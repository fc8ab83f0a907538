package net.voipbin.rpc.topology;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.IntStream;
import java.util.zip.CRC32;

import com.rabbitmq.client.Channel;

import tools.jackson.databind.JsonNode;

/**
 * How ARI events are spread over call-manager's partition queues so that several call-manager
 * instances can share them while each channel's events stay in order.
 * <p>
 * A publisher (asterisk-proxy) never needs to know how many partitions there are: it sends each event
 * to the direct exchange {@code asterisk.all.event} with a fixed bucket number as routing key,
 * {@code CRC32(UTF-8 key) mod 1024}, where the key names what the event is about (its channel). The
 * consumer side binds bucket {@code b} to partition queue {@code b mod N}, so N can change without
 * touching any publisher, and every event of one channel lands in one queue. CRC32 rather than
 * {@code String.hashCode} so a publisher in any language computes the same bucket.
 */
public final class AriPartitions {

    public static final int BUCKETS = 1024;
    public static final String EXCHANGE_TYPE = "direct";
    /**
     * The routing key of a publisher that does not partition (an asterisk-proxy from before partitions,
     * a test injecting events): bound to partition 0, where its events keep their order.
     */
    public static final String UNPARTITIONED = "";

    private final Topology topology;
    private final int count;

    public AriPartitions(Topology topology, int count) {
        if (count < 1 || count > BUCKETS) {
            throw new IllegalArgumentException("ARI partitions must be between 1 and " + BUCKETS + ", not " + count);
        }
        this.topology = topology;
        this.count = count;
    }

    public int count() {
        return count;
    }

    public String exchange() {
        return topology.asteriskEvents();
    }

    /** With one partition the queue keeps the name it had before partitions, {@code asterisk.all.event}. */
    public String queue(int partition) {
        if (partition < 0 || partition >= count) {
            throw new IllegalArgumentException("no ARI partition " + partition + " of " + count);
        }
        return count == 1 ? topology.asteriskEvents() : topology.asteriskEvents() + "." + partition;
    }

    public List<String> queues() {
        return IntStream.range(0, count).mapToObj(this::queue).toList();
    }

    public int partitionOfBucket(int bucket) {
        return Math.floorMod(bucket, count);
    }

    /** The partition queue an event goes to, given what {@link #key} reads. */
    public String queueOf(JsonNode data, String asteriskId) {
        return queue(partitionOfBucket(bucket(key(data, asteriskId))));
    }

    /**
     * Declares the durable direct exchange, the partition queues and one binding per bucket, plus the
     * {@link #UNPARTITIONED} key to partition 0. Idempotent; a binding left from another partition count
     * is not removed here (call-manager's layout check deletes the exchange for that).
     */
    public void declare(Channel channel) throws IOException {
        channel.exchangeDeclare(exchange(), EXCHANGE_TYPE, true);
        for (String queue : queues()) {
            channel.queueDeclare(queue, true, false, false, null);
        }
        for (int bucket = 0; bucket < BUCKETS; bucket++) {
            channel.queueBind(queue(partitionOfBucket(bucket)), exchange(), Integer.toString(bucket));
        }
        channel.queueBind(queue(0), exchange(), UNPARTITIONED);
    }

    /** The routing key asterisk-proxy publishes an event with. */
    public static String routingKey(JsonNode data, String asteriskId) {
        return Integer.toString(bucket(key(data, asteriskId)));
    }

    public static int bucket(String key) {
        CRC32 crc = new CRC32();
        crc.update(key.getBytes(StandardCharsets.UTF_8));
        return (int) (crc.getValue() % BUCKETS);
    }

    /**
     * What an ARI event is about: its channel ({@code channel.id}), else the channel a playback or
     * recording plays to ({@code target_uri} "channel:&lt;id&gt;"), else its bridge ({@code bridge.id}), else
     * the Asterisk ({@code proxy_connected}). A bridge event that names a channel (entered, left) thus
     * goes with that channel's events.
     */
    public static String key(JsonNode data, String asteriskId) {
        String fallback = asteriskId == null ? "" : asteriskId;
        if (data == null) {
            return fallback;
        }
        String channel = data.path("channel").path("id").asString("");
        if (!channel.isEmpty()) {
            return channel;
        }
        for (String holder : new String[] {"playback", "recording"}) {
            String target = data.path(holder).path("target_uri").asString("");
            if (target.startsWith("channel:")) {
                return target.substring("channel:".length());
            }
        }
        String bridge = data.path("bridge").path("id").asString("");
        return !bridge.isEmpty() ? bridge : fallback;
    }
}
