package net.voipbin.fakeservice;

import java.util.UUID;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import net.voipbin.testsupport.TestInfra;

/**
 * Two services built like the fleet's (common-rpc's REST edge and springdoc), serving resources the
 * gateway routes to call-manager and flow-manager, each with a body record named {@code CreateBody}.
 * Outside the gateway's package so that the gateway's component scan does not pick them up; the
 * controllers are top-level classes, as a configuration class's nested components are registered with it.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
public class FakeService {

    public record Call(UUID id, UUID customerId, String status) {
    }

    public record Flow(UUID id, UUID customerId, String name) {
    }

    public static ConfigurableApplicationContext callManager() {
        return start("call-manager", CallController.class);
    }

    public static ConfigurableApplicationContext flowManager() {
        return start("flow-manager", FlowController.class);
    }

    private static ConfigurableApplicationContext start(String service, Class<?> controller) {
        // Arguments, not default properties: the gateway's application.yml is on this class path too.
        return new SpringApplicationBuilder(FakeService.class, controller).run(
                "--spring.application.name=" + service,
                "--voipbin.service.name=" + service,
                "--voipbin.amqp.namespace=" + TestInfra.uniqueNamespace(),
                "--spring.rabbitmq.addresses=" + TestInfra.rabbit().uri(),
                "--voipbin.auth.jwt-secret=" + TestInfra.JWT_SECRET,
                "--server.port=0",
                "--spring.main.banner-mode=off");
    }
}
