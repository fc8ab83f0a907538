package net.voipbin.callmanager.ari;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import net.voipbin.rpc.json.Json;
import net.voipbin.rpc.topology.AriPartitions;
import net.voipbin.rpc.topology.Topology;
import tools.jackson.databind.json.JsonMapper;

/**
 * The partition key of ARI events as asterisk-proxy routes them and call-manager's lanes pick them: every
 * event a channel is part of lands in that channel's partition.
 */
class AriPartitionsTest {

    private final JsonMapper json = Json.newMapper();
    private final AriPartitions sixteen = new AriPartitions(new Topology("ns.", "bin-manager.event"), 16);

    private String keyOf(String ariJson) {
        return AriPartitions.key(json.readTree(ariJson), "asterisk-1");
    }

    private String queueOf(String ariJson) {
        return sixteen.queueOf(json.readTree(ariJson), "asterisk-1");
    }

    @Test
    void everyEventOfTheCapturedCallsGoesToItsChannelsPartition() throws IOException {
        for (String sample : List.of("inbound-call-answer-play-hangup.jsonl", "inbound-call-dtmf.jsonl")) {
            List<String> events = sample(sample);
            String channel = json.readTree(events.getFirst()).at("/channel/id").asString();
            assertThat(events).hasSizeGreaterThan(5)
                    .allSatisfy(event -> assertThat(keyOf(event)).isEqualTo(channel))
                    .allSatisfy(event -> assertThat(queueOf(event)).isEqualTo(queueOf(events.getFirst())));
        }
    }

    @Test
    void aChannelEventIsKeyedByItsChannel() {
        assertThat(keyOf("{\"type\":\"ChannelDtmfReceived\",\"digit\":\"1\",\"channel\":{\"id\":\"c-1\"}}")).isEqualTo("c-1");
    }

    @Test
    void aPlaybackOrRecordingOnAChannelGoesWithThatChannel() {
        assertThat(keyOf("{\"type\":\"PlaybackFinished\",\"playback\":{\"id\":\"p-1\",\"target_uri\":\"channel:c-1\"}}"))
                .isEqualTo("c-1");
        assertThat(keyOf("{\"type\":\"RecordingStarted\",\"recording\":{\"name\":\"r\",\"target_uri\":\"channel:c-7\"}}"))
                .isEqualTo("c-7");
    }

    @Test
    void aBridgeEventNamingAChannelGoesWithThatChannel() {
        String entered = "{\"type\":\"ChannelEnteredBridge\",\"bridge\":{\"id\":\"b-9\"},\"channel\":{\"id\":\"c-1\"}}";
        String dtmf = "{\"type\":\"ChannelDtmfReceived\",\"channel\":{\"id\":\"c-1\"}}";

        assertThat(keyOf(entered)).isEqualTo("c-1");
        assertThat(queueOf(entered)).isEqualTo(queueOf(dtmf));
    }

    @Test
    void bridgeDestroyedIsKeyedByItsBridge() {
        assertThat(keyOf("{\"type\":\"BridgeDestroyed\",\"bridge\":{\"id\":\"b-9\",\"channels\":[]}}")).isEqualTo("b-9");
    }

    @Test
    void proxyConnectedIsKeyedByItsAsterisk() {
        assertThat(keyOf("{\"asterisk_id\":\"asterisk-1\",\"channel_ids\":[\"1.1\",\"1.2\"]}")).isEqualTo("asterisk-1");
        assertThat(AriPartitions.key(null, "asterisk-1")).isEqualTo("asterisk-1");
        assertThat(AriPartitions.key(null, null)).isEmpty();
    }

    @Test
    void theBucketIsCrc32OfTheKeyModulo1024AsAnyLanguageComputesIt() {
        // Python: zlib.crc32(key.encode()) % 1024
        assertThat(AriPartitions.bucket("")).isZero();
        assertThat(AriPartitions.bucket("a")).isEqualTo(579);
        assertThat(AriPartitions.bucket("1795576153.1")).isEqualTo(1019);
        assertThat(AriPartitions.bucket("asterisk-1")).isEqualTo(144);
        assertThat(AriPartitions.routingKey(json.readTree("{\"channel\":{\"id\":\"1795576153.1\"}}"), "x")).isEqualTo("1019");
    }

    @Test
    void bucketsGoToPartitionBucketModuloCountAndOnePartitionKeepsTheOldQueueName() {
        assertThat(sixteen.partitionOfBucket(1019)).isEqualTo(11);
        assertThat(sixteen.queue(11)).isEqualTo("ns.asterisk.all.event.11");
        assertThat(sixteen.queues()).hasSize(16);
        AriPartitions one = new AriPartitions(new Topology("ns.", "bin-manager.event"), 1);
        assertThat(one.queues()).containsExactly("ns.asterisk.all.event");
        assertThat(one.partitionOfBucket(1019)).isZero();
    }

    @Test
    void aCountOutsideOneTo1024IsRefused() {
        Topology topology = new Topology("", "bin-manager.event");
        assertThatThrownBy(() -> new AriPartitions(topology, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AriPartitions(topology, 1025)).isInstanceOf(IllegalArgumentException.class);
    }

    private List<String> sample(String name) throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/asterisk-samples/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(line -> !line.contains("\"_rest\"")).toList();
        }
    }
}
