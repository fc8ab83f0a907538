package net.voipbin.pipecatmanager;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import net.voipbin.testsupport.StartupCheck;
import net.voipbin.testsupport.TestInfra;

class PipecatManagerApplicationIT extends StartupCheck {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfra.register(registry, "pipecat-manager");
    }
}
