package net.voipbin.rpc.it;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.amqp.rabbit.connection.ConnectionNameStrategy;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import net.voipbin.rpc.envelope.Event;
import net.voipbin.rpc.error.ApiException;
import net.voipbin.rpc.event.EventSubscriber;
import net.voipbin.rpc.event.InstanceEventSubscriber;
import net.voipbin.rpc.rest.Customer;
import net.voipbin.rpc.server.RpcEndpoint;
import net.voipbin.rpc.server.RpcResult;
import net.voipbin.testsupport.TestInfra;

/**
 * A small service built only from common-rpc, started as several real Spring applications (one per
 * "service name") against the real broker.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
class SampleServiceApp {

    record Greeting(@NotBlank String name) {
    }

    record Note(UUID id, UUID customerId, String text) {
    }

    /** Events this service received, in order; "poison" events always fail. */
    static final class Inbox {
        final List<Event> received = new CopyOnWriteArrayList<>();
        /** Events this instance received on its own queue ("setting_changed": every instance sees it). */
        final List<Event> receivedByInstance = new CopyOnWriteArrayList<>();
    }

    @Bean
    Inbox inbox() {
        return new Inbox();
    }

    @Bean
    RpcEndpoint greetingEndpoint() {
        return routes -> routes
                .get("/v1/greetings/{name}", call -> Map.of("greeting", "hello " + call.path("name")))
                .post("/v1/greetings", Greeting.class, call -> RpcResult.created(Map.of("greeting", "hi " + call.body().name())))
                // What a line logged while handling this request would name as its service.
                .get("/v1/logged-as", call -> Map.of("service", String.valueOf(org.slf4j.MDC.get(net.voipbin.rpc.trace.Trace.SERVICE_MDC_KEY))))
                .post("/v1/explode", call -> {
                    throw new IllegalStateException("exploded on purpose");
                });
    }

    @Bean
    EventSubscriber sampleSubscriber(Inbox inbox) {
        return subscriptions -> subscriptions
                .onEvent("publisher-svc", "thing_created", inbox.received::add)
                .onEvent("publisher-svc", "poison", event -> {
                    throw new IllegalStateException("cannot digest " + event.data());
                });
    }

    @Bean
    InstanceEventSubscriber sampleInstanceSubscriber(Inbox inbox) {
        return subscriptions -> subscriptions.onEvent("publisher-svc", "setting_changed", inbox.receivedByInstance::add);
    }

    /** Names the broker connection after the service, so a test can find and kill it. */
    @Bean
    ConnectionNameStrategy connectionName(org.springframework.core.env.Environment environment) {
        return factory -> "sample-" + environment.getProperty("voipbin.service.name");
    }

    @RestController
    static class NoteController {

        private final Map<UUID, Note> notes = new ConcurrentHashMap<>();

        @PostMapping("/v1.0/notes")
        Note create(Customer customer, @Valid @RequestBody Greeting body) {
            Note note = new Note(UUID.randomUUID(), customer.id(), body.name());
            notes.put(note.id(), note);
            return note;
        }

        @GetMapping("/v1.0/notes/{id}")
        Note get(Customer customer, @PathVariable UUID id) {
            Note note = notes.get(id);
            if (note == null || !note.customerId().equals(customer.id())) {
                throw ApiException.notFound("note " + id);
            }
            return note;
        }
    }

    static ConfigurableApplicationContext start(String service, String namespace, WebApplicationType web,
            String... extraProperties) {
        return new SpringApplicationBuilder(SampleServiceApp.class, NoteController.class)
                .web(web)
                .properties(extraProperties)
                .properties(
                        "voipbin.service.name=" + service,
                        "voipbin.amqp.namespace=" + namespace,
                        "voipbin.events.max-attempts=3",
                        "spring.rabbitmq.addresses=" + TestInfra.rabbit().uri(),
                        "voipbin.auth.jwt-secret=" + TestInfra.JWT_SECRET,
                        "server.port=0",
                        "spring.main.banner-mode=off")
                .run();
    }
}
