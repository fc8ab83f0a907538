package net.voipbin.agentmanager;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class AgentManagerApplication {

    public static void main(String[] args) {
        SpringApplication.run(AgentManagerApplication.class, args);
    }
}
