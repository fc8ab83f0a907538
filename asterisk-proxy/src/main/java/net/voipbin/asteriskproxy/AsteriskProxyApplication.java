package net.voipbin.asteriskproxy;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class AsteriskProxyApplication {

    public static void main(String[] args) {
        SpringApplication.run(AsteriskProxyApplication.class, args);
    }
}
