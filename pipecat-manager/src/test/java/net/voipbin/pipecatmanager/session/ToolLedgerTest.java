package net.voipbin.pipecatmanager.session;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ToolLedgerTest {

    private final ToolLedger ledger = new ToolLedger();

    @Test
    void anIdRunsOnceAndRepeatsGetTheFirstResult() {
        assertThat(ledger.claim("t1")).isTrue();
        assertThat(ledger.claim("t1")).as("repeat while running").isFalse();
        assertThat(ledger.result("t1")).isEmpty();
        ledger.record("t1", "{\"result\":1}");
        assertThat(ledger.claim("t1")).as("repeat after the result").isFalse();
        assertThat(ledger.result("t1")).contains("{\"result\":1}");
        assertThat(ledger.claim("t2")).isTrue();
    }
}
