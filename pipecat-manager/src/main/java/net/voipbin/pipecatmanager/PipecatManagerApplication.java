package net.voipbin.pipecatmanager;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class PipecatManagerApplication {

    public static void main(String[] args) {
        SpringApplication.run(PipecatManagerApplication.class, args);
    }
}
