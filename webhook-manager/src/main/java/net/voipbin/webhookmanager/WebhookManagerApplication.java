package net.voipbin.webhookmanager;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class WebhookManagerApplication {

    public static void main(String[] args) {
        SpringApplication.run(WebhookManagerApplication.class, args);
    }
}
