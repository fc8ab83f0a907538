package net.voipbin.flowmanager.executor;

import static net.voipbin.flowmanager.engine.TestContexts.action;
import static net.voipbin.flowmanager.engine.TestContexts.context;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import net.voipbin.contract.pipecatmanager.PipecatcallCreate;
import net.voipbin.flowmanager.engine.Outcome;
import net.voipbin.flowmanager.engine.Wait;
import net.voipbin.flowmanager.external.ExternalServices;
import net.voipbin.flowmanager.external.ServiceKeys;
import net.voipbin.flowmanager.external.ServiceRequests;
import net.voipbin.rpc.error.ApiException;

class ExternalExecutorsTest {

    private final UUID call = UUID.randomUUID();
    private final UUID created = UUID.randomUUID();
    private final List<Object> requests = new ArrayList<>();
    private ApiException failure;

    private final ExternalServices services = new ExternalServices() {
        @Override
        public UUID joinQueue(ServiceRequests.QueuecallCreate request) {
            return answer(request);
        }

        @Override
        public UUID joinConference(ServiceRequests.ConferencecallCreate request) {
            return answer(request);
        }

        @Override
        public UUID startAiTalk(PipecatcallCreate request) {
            return answer(request);
        }
    };

    private UUID answer(Object request) {
        if (failure != null) {
            throw failure;
        }
        requests.add(request);
        return created;
    }

    @Test
    void queueJoinHandsTheCallToQueueManagerAndWaitsForItsRelease() {
        UUID queue = UUID.randomUUID();
        Outcome outcome = new QueueJoinExecutor(services).execute(context(call,
                action("q", "queue_join", "{\"queue_id\":\"" + queue + "\"}"), Map.of()));

        var request = (ServiceRequests.QueuecallCreate) requests.getFirst();
        assertThat(request.queueId()).isEqualTo(queue);
        assertThat(request.referenceId()).isEqualTo(call);
        assertThat(outcome).isEqualTo(Outcome.await(Wait.external(ServiceKeys.queuecall(created))));
    }

    @Test
    void conferenceJoinAndAiTalkWaitForTheirSessionToEnd() {
        UUID conference = UUID.randomUUID();
        assertThat(new ConferenceJoinExecutor(services).execute(context(call,
                action("c", "conference_join", "{\"conference_id\":\"" + conference + "\"}"), Map.of())))
                .isEqualTo(Outcome.await(Wait.external(ServiceKeys.conferencecall(created))));
        assertThat(new AiTalkExecutor(services).execute(context(call,
                action("a", "ai_talk", "{\"runner_url\":\"ws://127.0.0.1:9/bot\"}"), Map.of())))
                .isEqualTo(Outcome.await(Wait.external(ServiceKeys.pipecatcall(created))));
        assertThat(((PipecatcallCreate) requests.get(1)).callId()).isEqualTo(call);
    }

    @Test
    void anUnavailableServiceSurfacesAsTheRpcError() {
        failure = ApiException.unavailable("no queue bin-manager.queue-manager.request");

        assertThatThrownBy(() -> new QueueJoinExecutor(services).execute(context(call,
                action("q", "queue_join", "{\"queue_id\":\"" + UUID.randomUUID() + "\"}"), Map.of())))
                .isInstanceOf(ApiException.class).hasMessageContaining("queue-manager");
    }
}
