package net.voipbin.webhookmanager;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;

import net.voipbin.testsupport.ServiceChecks;

/** Shares the IT context (one start for the whole suite). */
class WebhookManagerApplicationIT extends WebhookManagerITBase {

    @Value("${spring.flyway.schemas}")
    String schema;

    @Test
    void startsHealthyWithItsSchemaAndRequestQueue() {
        ServiceChecks.assertStarted(port, schema, topology.requestQueue("webhook-manager"));
    }
}
