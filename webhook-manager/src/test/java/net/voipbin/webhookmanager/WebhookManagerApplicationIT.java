package net.voipbin.webhookmanager;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import net.voipbin.testsupport.ServiceChecks;
import net.voipbin.testsupport.TestInfra;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class WebhookManagerApplicationIT {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfra.register(registry, "webhook-manager");
    }

    @LocalServerPort
    int port;

    @Value("${voipbin.amqp.namespace}")
    String namespace;

    @Value("${spring.flyway.schemas}")
    String schema;

    @Test
    void startsHealthyWithItsSchemaAndRequestQueue() {
        ServiceChecks.assertHealthy(port, "db", "rabbit");
        assertThat(ServiceChecks.schemaMigrated(schema)).as("schema %s migrated", schema).isTrue();
        assertThat(ServiceChecks.queueExists(namespace + "bin-manager.webhook-manager.request")).isTrue();
    }
}
