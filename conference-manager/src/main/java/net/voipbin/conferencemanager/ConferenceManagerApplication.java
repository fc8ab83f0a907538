package net.voipbin.conferencemanager;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class ConferenceManagerApplication {

    public static void main(String[] args) {
        SpringApplication.run(ConferenceManagerApplication.class, args);
    }
}
