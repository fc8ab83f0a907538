package net.voipbin.callmanager.call;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import net.voipbin.callmanager.support.CallManagerITBase;
import net.voipbin.contract.callmanager.Call.HangupReason;
import net.voipbin.contract.callmanager.CallStatus;

/** State changes are written without a lock, so a change based on a row another write replaced must not land. */
class CallVersionIT extends CallManagerITBase {

    @Test
    void aChangeReadBeforeAnotherWriteIsRefusedAndTheNewerRowStands() {
        CallRow call = answeredInbound();
        CallRepository.Versioned read = callRows.readVersioned(call.id()).orElseThrow();

        CallRow hangingUp = read.row().hangingUp(HangupReason.NORMAL, "first");
        assertThat(callRows.updateIfUnchanged(hangingUp, read.version())).isTrue();
        CallRow stale = read.row().hangingUp(HangupReason.BUSY, "second");

        assertThat(callRows.updateIfUnchanged(stale, read.version())).isFalse();
        CallRow stored = callRows.find(call.id()).orElseThrow();
        assertThat(stored.status()).isEqualTo(CallStatus.TERMINATING);
        assertThat(stored.hangupNote()).isEqualTo("first");
    }

    @Test
    void everyWriteOfTheRowMakesANewVersion() {
        CallRow call = answeredInbound();
        String before = callRows.readVersioned(call.id()).orElseThrow().version();

        callRows.setActiveflow(call.id(), call.activeflowId());

        assertThat(callRows.readVersioned(call.id()).orElseThrow().version()).isNotEqualTo(before);
    }
}
