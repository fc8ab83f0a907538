package net.voipbin.callmanager.call;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.micrometer.core.instrument.MeterRegistry;
import net.voipbin.callmanager.support.CallManagerITBase;
import net.voipbin.contract.callmanager.CallStatus;

/** The live-call count an operator's dashboard shows rises with a call and falls when the caller hangs up. */
class LiveCallsGaugeIT extends CallManagerITBase {

    @Autowired
    private MeterRegistry meters;

    @Test
    void aCallCountsAsLiveUntilItIsHungUp() {
        double before = live();
        CallRow call = answeredInbound();
        assertThat(live()).isEqualTo(before + 1);

        SIM.hangupFromCaller(call.channelId());

        awaitStatus(call.id(), CallStatus.HANGUP);
        await().atMost(WAIT).until(() -> live() == before);
    }

    private double live() {
        return meters.get("voipbin.calls.live").gauge().value();
    }
}
