package net.voipbin.callmanager.call;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import net.voipbin.callmanager.call.CallTransitions.IllegalCallTransition;
import net.voipbin.contract.callmanager.Address;
import net.voipbin.contract.callmanager.Call.Direction;
import net.voipbin.contract.callmanager.Call.HangupBy;
import net.voipbin.contract.callmanager.Call.HangupReason;
import net.voipbin.contract.callmanager.CallStatus;

class CallRowTest {

    private static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");

    private static CallRow dialing() {
        return dialing(null);
    }

    private static CallRow dialing(UUID activeflowId) {
        return new CallRow(UUID.randomUUID(), UUID.randomUUID(), "a1", "ch-1", null, null, activeflowId,
                Direction.OUTGOING, Address.tel("+15550100"), Address.tel("+15550200"), CallStatus.DIALING, null, null,
                null, T0, null, null, null, 0, null);
    }

    @Test
    void anAnsweredCallHungUpByTheFarEndLastsFromAnswerToHangup() {
        CallRow call = dialing().ringing(T0.plusSeconds(1)).answered(T0.plusSeconds(3)).hungUp(16, T0.plusSeconds(13));

        assertThat(call.status()).isEqualTo(CallStatus.HANGUP);
        assertThat(call.hangupBy()).isEqualTo(HangupBy.REMOTE);
        assertThat(call.hangupReason()).isEqualTo(HangupReason.NORMAL);
        assertThat(call.durationMs()).isEqualTo(10_000);
    }

    @Test
    void aLocalHangupKeepsItsReasonWhateverCauseAsteriskReports() {
        CallRow canceling = dialing().hangingUp(HangupReason.DIALOUT, "dial_timeout");
        assertThat(canceling.status()).isEqualTo(CallStatus.CANCELING);

        CallRow ended = canceling.hungUp(16, T0.plusSeconds(30));
        assertThat(ended.hangupBy()).isEqualTo(HangupBy.LOCAL);
        assertThat(ended.hangupReason()).isEqualTo(HangupReason.DIALOUT);
        assertThat(ended.hangupNote()).isEqualTo("dial_timeout");
        assertThat(ended.durationMs()).isZero();
        assertThat(dialing().answered(T0).hangingUp(HangupReason.NORMAL, null).status()).isEqualTo(CallStatus.TERMINATING);
    }

    @Test
    void illegalTransitionsAreErrorsNotOverwrites() {
        CallRow ended = dialing().hungUp(17, T0);
        assertThat(ended.hangupReason()).isEqualTo(HangupReason.BUSY);

        assertThatThrownBy(() -> ended.answered(T0)).isInstanceOf(IllegalCallTransition.class)
                .hasMessageContaining("from hangup to progressing");
        assertThatThrownBy(() -> ended.hungUp(16, T0)).isInstanceOf(IllegalCallTransition.class);
        CallRow answered = dialing().answered(T0);
        assertThatThrownBy(() -> answered.ringing(T0)).isInstanceOf(IllegalCallTransition.class);
    }

    @Test
    void theResourceCarriesEveryField() {
        var call = dialing(UUID.randomUUID()).withBridge("b-1").toCall();
        assertThat(call.bridgeId()).isEqualTo("b-1");
        assertThat(call.activeflowId()).isNotNull();
        assertThat(call.status()).isEqualTo(CallStatus.DIALING);
    }
}
