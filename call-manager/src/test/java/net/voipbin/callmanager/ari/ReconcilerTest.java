package net.voipbin.callmanager.ari;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import net.voipbin.callmanager.call.CallRow;
import net.voipbin.contract.callmanager.Address;
import net.voipbin.contract.callmanager.Call.Direction;
import net.voipbin.contract.callmanager.CallStatus;

class ReconcilerTest {

    private static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");

    private static CallRow answeredAt(Instant answered) {
        return new CallRow(UUID.randomUUID(), UUID.randomUUID(), "a1", "ch-1", null, null, null, Direction.INCOMING,
                Address.tel("+15550100"), Address.tel("+15550200"), CallStatus.PROGRESSING, null, null, null, T0, T0,
                answered, null, 0, null);
    }

    @Test
    void aVanishedCallEndsWhenTheProxyLostAsterisk() {
        Instant disconnected = T0.plusSeconds(10);
        assertThat(Reconciler.endedAt(answeredAt(T0.plusSeconds(1)), disconnected, T0.plusSeconds(17)))
                .isEqualTo(disconnected);
    }

    @Test
    void notBeforeItsLastKnownMoment() {
        // An outbound call dialed while the proxy's events were away, say.
        assertThat(Reconciler.endedAt(answeredAt(T0.plusSeconds(12)), T0.plusSeconds(10), T0.plusSeconds(17)))
                .isEqualTo(T0.plusSeconds(12));
    }

    @Test
    void atTheListWhenTheProxyDoesNotKnowWhenItLostAsterisk() {
        assertThat(Reconciler.endedAt(answeredAt(T0.plusSeconds(1)), null, T0.plusSeconds(17)))
                .isEqualTo(T0.plusSeconds(17));
        // A disconnect time from a clock ahead of the list's is not believed.
        assertThat(Reconciler.endedAt(answeredAt(T0.plusSeconds(1)), T0.plusSeconds(18), T0.plusSeconds(17)))
                .isEqualTo(T0.plusSeconds(17));
    }
}
