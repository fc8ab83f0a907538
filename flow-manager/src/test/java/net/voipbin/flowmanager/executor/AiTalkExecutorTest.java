package net.voipbin.flowmanager.executor;

import static net.voipbin.flowmanager.engine.TestContexts.JSON;
import static net.voipbin.flowmanager.engine.TestContexts.action;
import static net.voipbin.flowmanager.engine.TestContexts.resuming;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import net.voipbin.contract.flowmanager.Action;
import net.voipbin.contract.pipecatmanager.PipecatcallCreate;
import net.voipbin.flowmanager.engine.Outcome;
import net.voipbin.flowmanager.engine.Signal;
import net.voipbin.flowmanager.engine.Wait;
import net.voipbin.flowmanager.external.ExternalServices;
import net.voipbin.flowmanager.external.ServiceKeys;
import net.voipbin.flowmanager.external.ServiceRequests;

/**
 * How ai_talk ends: its session's {@code pipecatcall_ended} moves the flow on, unless the session ended
 * because the call is over, which may arrive before the call's own {@code call_hungup} (AiTalkIT: after the
 * AI's end_call the flow played its next prompt to the hung-up call and ended with {@code 409 call_hungup}).
 */
class AiTalkExecutorTest {

    private final UUID call = UUID.randomUUID();
    private final UUID session = UUID.randomUUID();
    private final Action aiTalk = action("ai", "ai_talk", "{\"runner_url\":\"ws://127.0.0.1:9/bot\"}");
    private final ExternalServices services = new ExternalServices() {
        @Override
        public UUID joinQueue(ServiceRequests.QueuecallCreate request) {
            throw new UnsupportedOperationException();
        }

        @Override
        public UUID joinConference(ServiceRequests.ConferencecallCreate request) {
            throw new UnsupportedOperationException();
        }

        @Override
        public UUID startAiTalk(PipecatcallCreate request) {
            return session;
        }
    };

    @ParameterizedTest
    @CsvSource(textBlock = """
            end_call,                      END
            call hungup,                   END
            runner closed the connection,  NEXT
            deleted,                       NEXT
            asterisk did not connect within 10s, NEXT
            no caller audio in slin16 within 3s, NEXT
            """)
    void theFlowGoesOnUnlessTheSessionEndedWithItsCall(String endReason, String expected) {
        String key = ServiceKeys.pipecatcall(session);
        Outcome outcome = new AiTalkExecutor(services).resume(resuming(call, aiTalk, Wait.external(key)),
                new Signal.External(key, JSON.readTree("{\"id\":\"" + session + "\",\"status\":\"ended\","
                        + "\"end_reason\":\"" + endReason + "\"}")));

        assertThat(outcome).isEqualTo(expected.equals("END") ? Outcome.END : Outcome.NEXT);
    }
}
