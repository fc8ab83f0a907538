package net.voipbin.callmanager;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;

import net.voipbin.callmanager.support.CallManagerITBase;
import net.voipbin.testsupport.ServiceChecks;

/** Shares the IT context (one start for the whole suite). */
class CallManagerApplicationIT extends CallManagerITBase {

    @Value("${spring.flyway.schemas}")
    String schema;

    @Test
    void startsHealthyWithItsSchemaQueuesAndTheAriInbox() {
        ServiceChecks.assertStarted(port, schema, topology.requestQueue("call-manager"));
        assertThat(ServiceChecks.queueExists(topology.asteriskEvents() + ".0")).as("ARI partition queue 0").isTrue();
    }
}
