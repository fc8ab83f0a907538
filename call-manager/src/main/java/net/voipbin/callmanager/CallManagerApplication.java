package net.voipbin.callmanager;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class CallManagerApplication {

    public static void main(String[] args) {
        SpringApplication.run(CallManagerApplication.class, args);
    }
}
