package net.voipbin.callmanager.ari;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import net.voipbin.callmanager.call.CallRow;
import net.voipbin.callmanager.support.AsteriskEdge;
import net.voipbin.callmanager.support.CallManagerITBase;
import net.voipbin.contract.asteriskproxy.AsteriskProxyEvents;
import net.voipbin.contract.callmanager.CallManagerEvents;
import net.voipbin.rpc.envelope.Event;
import net.voipbin.rpc.envelope.RpcRequest;
import net.voipbin.testsupport.PoisonMessages;

/**
 * The ARI intake given what it cannot take, on the partition the next events of a call go through
 * (the proxy's empty routing key: partition 0): a 70 MiB body (over the AMQP client's own 64 MiB default,
 * under RabbitMQ's 128 MiB), a body that is not JSON, JSON that is no envelope, an envelope of a type that
 * is no ARI event. The first three are parked, the last ignored, and that partition's next event still
 * reaches its call.
 */
class AriPoisonIT extends CallManagerITBase {

    @Test
    void aPartitionParksWhatItCannotTakeAndHandlesItsNextEvent() throws Exception {
        CallRow call = answeredInbound();
        String marker = UUID.randomUUID().toString();

        proxy.publishRaw(PoisonMessages.huge(marker));
        proxy.publishRaw(bytes("not json " + marker));
        proxy.publishRaw(bytes("{\"marker\":\"" + marker + "\"}"));
        proxy.publish(new Event(UUID.randomUUID(), "something_else", "someone", Instant.now(), RpcRequest.JSON,
                json.readTree("{\"marker\":\"" + marker + "\"}"), AsteriskEdge.ASTERISK_ID));
        proxy.publish(new Event(UUID.randomUUID(), AsteriskProxyEvents.ARI_EVENT, AsteriskProxyEvents.PUBLISHER,
                Instant.now(), RpcRequest.JSON, json.readTree("{\"type\":\"ChannelDtmfReceived\",\"digit\":\"7\","
                        + "\"duration_ms\":100,\"channel\":{\"id\":\"" + call.channelId() + "\",\"state\":\"Up\"}}"),
                AsteriskEdge.ASTERISK_ID));

        await().atMost(Duration.ofSeconds(30))
                .until(() -> !events.ofCall(CallManagerEvents.CALL_DTMF_RECEIVED, call.id()).isEmpty());
        List<String> errors = PoisonMessages.parkedErrors(topology.asteriskEvents() + ".dead", marker, 3);
        // Parked as the consumers finish them, in any order.
        assertThat(errors).contains("oversize: " + (PoisonMessages.HUGE + marker.length()) + " bytes > 1048576")
                .anySatisfy(error -> assertThat(error).startsWith("unparsable event: Unrecognized token 'not'"))
                .anySatisfy(error -> assertThat(error).startsWith("unparsable event: ").contains("type is required"));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
