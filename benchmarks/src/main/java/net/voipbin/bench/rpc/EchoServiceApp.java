package net.voipbin.bench.rpc;

import java.util.Map;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

import net.voipbin.rpc.server.RpcEndpoint;

/** A service built from common-rpc alone that echoes a request body: the far end of the benchmark. */
@SpringBootConfiguration
@EnableAutoConfiguration(excludeName = {
        // Other benchmarks put JDBC on the class path; the RPC benchmark needs no database.
        "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
        "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration"})
class EchoServiceApp {

    @Bean
    RpcEndpoint echo() {
        return routes -> routes.post("/v1/echo/{id}", Map.class, call -> call.body());
    }

    static ConfigurableApplicationContext start(String service, String amqpUri, String namespace) {
        return new SpringApplicationBuilder(EchoServiceApp.class)
                .web(WebApplicationType.NONE)
                .properties(
                        "voipbin.service.name=" + service,
                        "voipbin.amqp.namespace=" + namespace,
                        "spring.rabbitmq.addresses=" + amqpUri,
                        "spring.main.banner-mode=off",
                        "logging.level.root=WARN")
                .run();
    }
}
