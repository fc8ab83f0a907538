package net.voipbin.callmanager.call;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import net.voipbin.contract.callmanager.Call.HangupReason;

class HangupCausesTest {

    @Test
    void anAnsweredCallEndsNormallyWhateverTheCause() {
        assertThat(HangupCauses.reason(16, true)).isEqualTo(HangupReason.NORMAL);
        assertThat(HangupCauses.reason(38, true)).isEqualTo(HangupReason.NORMAL);
    }

    @Test
    void anUnansweredCallsCauseSaysWhyItWasNotTaken() {
        assertThat(HangupCauses.reason(17, false)).isEqualTo(HangupReason.BUSY);
        assertThat(HangupCauses.reason(21, false)).isEqualTo(HangupReason.BUSY);
        assertThat(HangupCauses.reason(18, false)).isEqualTo(HangupReason.NOANSWER);
        assertThat(HangupCauses.reason(19, false)).isEqualTo(HangupReason.NOANSWER);
        assertThat(HangupCauses.reason(16, false)).isEqualTo(HangupReason.CANCEL);
        assertThat(HangupCauses.reason(1, false)).isEqualTo(HangupReason.FAILED);
        assertThat(HangupCauses.reason(34, false)).isEqualTo(HangupReason.FAILED);
        assertThat(HangupCauses.reason(38, false)).isEqualTo(HangupReason.FAILED);
    }

    @Test
    void ourReasonsBecomeAriHangupReasons() {
        assertThat(HangupCauses.ariReason(HangupReason.NORMAL)).isEqualTo("normal");
        assertThat(HangupCauses.ariReason(HangupReason.BUSY)).isEqualTo("busy");
        assertThat(HangupCauses.ariReason(HangupReason.DIALOUT)).isEqualTo("normal");
    }
}
