package net.voipbin.outdialmanager;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import net.voipbin.testsupport.StartupCheck;
import net.voipbin.testsupport.TestInfra;

class OutdialManagerApplicationIT extends StartupCheck {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfra.register(registry, "outdial-manager");
    }
}
