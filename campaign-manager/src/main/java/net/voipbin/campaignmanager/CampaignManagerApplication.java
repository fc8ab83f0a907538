package net.voipbin.campaignmanager;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class CampaignManagerApplication {

    public static void main(String[] args) {
        SpringApplication.run(CampaignManagerApplication.class, args);
    }
}
