package net.voipbin.callmanager.moh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import net.voipbin.callmanager.call.CallRow;
import net.voipbin.callmanager.support.CallManagerITBase;
import net.voipbin.contract.callmanager.CallRequests;
import net.voipbin.rpc.client.RpcErrorException;

/** Music on hold and stopping prompts as another service asks for them, seen at the simulated Asterisk. */
class MohIT extends CallManagerITBase {

    @Test
    void musicOnHoldOfTheClassAskedStartsAndStopsOnTheCallersChannel() {
        CallRow call = answeredInbound();

        client.mohStart(call.id(), "jazz");
        client.mohStop(call.id());
        client.mohStart(call.id(), null);

        assertThat(requestsFor(call.channelId())).containsSubsequence("POST /ari/channels/{ch}/moh",
                "DELETE /ari/channels/{ch}/moh", "POST /ari/channels/{ch}/moh");
        assertThat(simRequests().stream().filter(r -> r.method().equals("POST")
                && r.path().equals("/ari/channels/" + call.channelId() + "/moh")).map(r -> r.param("mohClass")))
                .containsExactly(java.util.Optional.of("jazz"), java.util.Optional.empty());
    }

    @Test
    void mediaStopEndsAPromptInFlightAtOnce() {
        CallRow call = answeredInbound();
        client.play(call.id(), new CallRequests.Play(List.of("tone:ring"), 1, "op-endless"));
        String playback = await().atMost(WAIT).until(() -> simRequests().stream()
                .filter(r -> r.path().startsWith("/ari/channels/" + call.channelId() + "/play/")).findFirst(),
                java.util.Optional::isPresent).get().path().replaceFirst(".*/play/", "");

        client.mediaStop(call.id());

        assertThat(simRequests()).anySatisfy(r -> {
            assertThat(r.method()).isEqualTo("DELETE");
            assertThat(r.path()).isEqualTo("/ari/playbacks/" + playback);
        });
    }

    @Test
    void anUnknownCallIsNotFoundAndABadClassIsRefusedNamingTheField() {
        assertThatThrownBy(() -> client.mohStart(UUID.randomUUID(), "default"))
                .isInstanceOfSatisfying(RpcErrorException.class, e -> assertThat(e.status()).isEqualTo(404));
        assertThatThrownBy(() -> client.mohStop(UUID.randomUUID()))
                .isInstanceOfSatisfying(RpcErrorException.class, e -> assertThat(e.status()).isEqualTo(404));
        CallRow call = answeredInbound();
        assertThatThrownBy(() -> client.mohStart(call.id(), "jazz&mohClass=other"))
                .isInstanceOfSatisfying(RpcErrorException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.body().field()).isEqualTo("moh_class");
                });
        assertThat(requestsFor(call.channelId())).doesNotContain("POST /ari/channels/{ch}/moh");
    }
}
