package net.voipbin.testsupport;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The packaged application of a service starts healthy (database and broker included), migrates its
 * schema and declares its request queue. A service's {@code *ApplicationIT} extends this and registers
 * its infrastructure with {@link TestInfra#register} in a {@code @DynamicPropertySource}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class StartupCheck {

    @LocalServerPort
    private int port;

    @Value("${voipbin.amqp.namespace}")
    private String namespace;

    @Value("${spring.flyway.schemas}")
    private String schema;

    @Value("${voipbin.service.name:${spring.application.name}}")
    private String service;

    @Test
    void startsHealthyWithItsSchemaAndRequestQueue() {
        // Named here as common-rpc's Topology names it: test-support sits below common-rpc (which tests with it).
        ServiceChecks.assertStarted(port, schema, namespace + "bin-manager." + service + ".request");
    }
}
