package net.voipbin.asteriskproxy;

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
class AsteriskProxyApplicationIT {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfra.register(registry, "asterisk-proxy");
    }

    @LocalServerPort
    int port;

    @Value("${voipbin.amqp.namespace}")
    String namespace;

    @Test
    void startsHealthyWithItsRequestQueue() {
        ServiceChecks.assertHealthy(port, "rabbit");
        assertThat(ServiceChecks.queueExists(namespace + "bin-manager.asterisk-proxy.request")).isTrue();
    }
}
