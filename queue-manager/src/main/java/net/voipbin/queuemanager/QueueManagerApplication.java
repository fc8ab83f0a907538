package net.voipbin.queuemanager;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class QueueManagerApplication {

    public static void main(String[] args) {
        SpringApplication.run(QueueManagerApplication.class, args);
    }
}
