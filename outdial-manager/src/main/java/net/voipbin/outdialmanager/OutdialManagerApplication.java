package net.voipbin.outdialmanager;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class OutdialManagerApplication {

    public static void main(String[] args) {
        SpringApplication.run(OutdialManagerApplication.class, args);
    }
}
