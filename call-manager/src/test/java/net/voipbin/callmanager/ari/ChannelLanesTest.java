package net.voipbin.callmanager.ari;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import net.voipbin.rpc.topology.AriPartitions;

/** The lane of a key: stable, in range, and spread over every lane even within one partition. */
class ChannelLanesTest {

    @Test
    void aKeyAlwaysPicksTheSameLaneWithinRange() {
        for (String key : List.of("", "1795576153.1", "b-9", "x".repeat(100))) {
            int lane = ChannelLanes.lane(key, 8);
            assertThat(lane).isBetween(0, 7).isEqualTo(ChannelLanes.lane(key, 8));
        }
    }

    @Test
    void theChannelsOfOnePartitionUseEveryLane() {
        Set<Integer> lanes = IntStream.range(0, 2_000).mapToObj(i -> "1795576153." + i)
                .filter(channel -> Math.floorMod(AriPartitions.bucket(channel), 16) == 3)
                .map(channel -> ChannelLanes.lane(channel, 8))
                .collect(Collectors.toSet());

        assertThat(lanes).hasSize(8);
    }
}
