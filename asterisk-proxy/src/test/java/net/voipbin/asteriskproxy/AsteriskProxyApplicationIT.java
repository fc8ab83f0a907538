package net.voipbin.asteriskproxy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import net.voipbin.asterisksim.AsteriskSim;
import net.voipbin.asterisksim.SimConfig;
import net.voipbin.testsupport.ServiceChecks;
import net.voipbin.testsupport.TestInfra;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AsteriskProxyApplicationIT {

    /** The proxy is healthy only while its ARI WebSocket is up: it gets a simulated Asterisk. */
    static final AsteriskSim ASTERISK = AsteriskSim.start(SimConfig.defaults());

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfra.register(registry, "asterisk-proxy");
        registry.add("voipbin.asterisk.ari-url", ASTERISK::baseUrl);
        registry.add("voipbin.asterisk.id", () -> "ast-app-it");
    }

    @AfterAll
    static void stopAsterisk() {
        ASTERISK.close();
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

    @Test
    void declaresItsRpcQueuesButLeavesTheAriEventQueuesToCallManager() {
        ServiceChecks.assertHealthy(port, "rabbit", "ari");
        assertThat(ServiceChecks.queueExists(namespace + "asterisk.all.event")).isFalse();
        assertThat(ServiceChecks.queueExists(namespace + "asterisk.ast-app-it.request")).isTrue();
        assertThat(ServiceChecks.queueExists(namespace + "asterisk.call.request")).isTrue();
    }
}
