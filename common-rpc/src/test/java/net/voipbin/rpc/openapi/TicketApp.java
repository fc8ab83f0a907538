package net.voipbin.rpc.openapi;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import net.voipbin.rpc.error.ApiException;
import net.voipbin.rpc.rest.Customer;
import net.voipbin.rpc.rest.Page;
import net.voipbin.rpc.rest.PageQuery;
import net.voipbin.testsupport.TestInfra;
import tools.jackson.databind.JsonNode;

/**
 * A service with the shapes the fleet's controllers have: a customer-scoped page, a resource by id, a
 * body with camelCase components and an enum, several methods on one mapping.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
class TicketApp {

    enum TicketStatus { OPEN, ON_HOLD, CLOSED }

    record Ticket(UUID id, UUID customerId, String subjectLine, TicketStatus status, Instant tmCreate) {
    }

    record StatusChange(TicketStatus status) {
    }

    @RestController
    @RequestMapping("/v1.0/tickets")
    static class TicketController {

        record CreateBody(@NotBlank String subjectLine, TicketStatus initialStatus, JsonNode details) {
        }

        @GetMapping
        Page<Ticket> list(Customer customer, PageQuery page, @RequestParam(required = false) TicketStatus status) {
            return new Page<>(List.of(), null);
        }

        @GetMapping("/{id}")
        Ticket get(Customer customer, @PathVariable UUID id) {
            throw ApiException.notFound("ticket " + id);
        }

        @PostMapping
        @ResponseStatus(HttpStatus.CREATED)
        Ticket create(Customer customer, @Valid @RequestBody CreateBody body) {
            return new Ticket(UUID.randomUUID(), customer.id(), body.subjectLine(), body.initialStatus(), Instant.now());
        }

        @PutMapping("/{id}/status")
        Ticket status(Customer customer, @PathVariable UUID id, @RequestBody StatusChange body) {
            throw ApiException.notFound("ticket " + id);
        }

        @DeleteMapping("/{id}")
        @ResponseStatus(HttpStatus.NO_CONTENT)
        void delete(Customer customer, @PathVariable UUID id) {
        }

        @RequestMapping(path = "/{id}/watchers", method = {RequestMethod.GET, RequestMethod.POST})
        List<String> watchers(Customer customer, @PathVariable UUID id) {
            return List.of();
        }
    }

    /** A second controller whose body record has the same simple name as the first one's. */
    @RestController
    static class NoteController {

        record CreateBody(@NotBlank String text) {
        }

        @PostMapping("/v1.0/tickets/{id}/notes")
        @ResponseStatus(HttpStatus.CREATED)
        String create(Customer customer, @PathVariable UUID id, @Valid @RequestBody CreateBody body) {
            return body.text();
        }
    }

    static ConfigurableApplicationContext start(String... extraProperties) {
        return new SpringApplicationBuilder(TicketApp.class, TicketController.class, NoteController.class)
                .properties(extraProperties)
                .properties(
                        "voipbin.service.name=ticket-manager",
                        "voipbin.amqp.namespace=" + TestInfra.uniqueNamespace(),
                        "spring.rabbitmq.addresses=" + TestInfra.rabbit().uri(),
                        "voipbin.auth.jwt-secret=" + TestInfra.JWT_SECRET,
                        "server.port=0",
                        "spring.main.banner-mode=off")
                .run();
    }
}
