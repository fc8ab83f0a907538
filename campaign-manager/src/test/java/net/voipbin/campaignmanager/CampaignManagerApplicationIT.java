package net.voipbin.campaignmanager;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import net.voipbin.testsupport.StartupCheck;
import net.voipbin.testsupport.TestInfra;

class CampaignManagerApplicationIT extends StartupCheck {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfra.register(registry, "campaign-manager");
    }
}
