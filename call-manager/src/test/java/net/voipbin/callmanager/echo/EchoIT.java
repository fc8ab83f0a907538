package net.voipbin.callmanager.echo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import net.voipbin.asterisksim.RecordedRequest;
import net.voipbin.callmanager.call.CallRow;
import net.voipbin.callmanager.support.CallManagerITBase;
import net.voipbin.contract.callmanager.CallStatus;
import net.voipbin.rpc.error.ApiException;

/** {@code echo} through ARI: the caller's bridge gets an AudioSocket channel to our echo server, for a while. */
class EchoIT extends CallManagerITBase {

    @Autowired
    AudioSocketEcho echoServer;

    @Test
    void theCallerIsBridgedWithTheEchoServerForTheDurationThenCarriesOnAlone() throws Exception {
        CallRow call = answeredInbound();
        client.echo(call.id(), 1_500);

        Map<String, String> media = await().atMost(WAIT).until(() -> SIM.requests().stream()
                .filter(r -> r.method().equals("POST") && r.path().equals("/ari/channels/externalMedia"))
                .map(EchoIT::query).filter(q -> q.get("external_host").equals(echoServer.address())).toList(),
                l -> !l.isEmpty()).getFirst();
        assertThat(media).containsEntry("encapsulation", "audiosocket").containsEntry("format", "slin");
        String mediaChannel = media.get("channelId");
        String bridge = await().atMost(WAIT).until(() -> callRows.find(call.id()).orElseThrow().bridgeId(),
                b -> b != null);
        await().atMost(WAIT).until(() -> proxy.bridgeChannels(bridge),
                ids -> ids.containsAll(List.of(call.channelId(), mediaChannel)));

        // What Asterisk does with that channel: connect, name the stream, send audio; it comes back.
        String[] address = echoServer.address().split(":");
        try (Socket asterisk = new Socket(address[0], Integer.parseInt(address[1]))) {
            asterisk.setSoTimeout(5_000);
            OutputStream out = asterisk.getOutputStream();
            out.write(AudioSocketEchoTest.frame(AudioSocketEcho.IDENTIFIER, new byte[16]));
            out.write(AudioSocketEchoTest.frame(AudioSocketEcho.AUDIO, new byte[] {1, 2, 3, 4}));
            InputStream in = asterisk.getInputStream();
            assertThat(in.readNBytes(7)).isEqualTo(AudioSocketEchoTest.frame(AudioSocketEcho.AUDIO, new byte[] {1, 2, 3, 4}));
        }

        await().atMost(WAIT).until(() -> !SIM.channelIds().contains(mediaChannel));
        assertThat(proxy.bridgeChannels(bridge)).containsExactly(call.channelId());
        assertThat(callRows.find(call.id()).orElseThrow().status()).isEqualTo(CallStatus.PROGRESSING);
    }

    @Test
    void aDurationOutOfRangeIsRefusedNamingTheField() {
        CallRow call = answeredInbound();
        assertThatThrownBy(() -> client.echo(call.id(), 0)).isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.status()).isEqualTo(400);
            assertThat(e.field()).isEqualTo("duration_ms");
        });
    }

    private static Map<String, String> query(RecordedRequest request) {
        Map<String, String> params = new HashMap<>();
        for (String pair : request.query().split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                params.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return params;
    }
}
