package net.voipbin.fakeservice;

import java.util.List;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import net.voipbin.fakeservice.FakeService.Call;
import net.voipbin.rpc.rest.Customer;
import net.voipbin.rpc.rest.Page;
import net.voipbin.rpc.rest.PageQuery;

/** What the gateway routes to call-manager, as a fake call-manager serves it. */
@RestController
@RequestMapping("/v1.0/calls")
public class CallController {

    record CreateBody(@NotBlank String destination) {
    }

    @GetMapping
    Page<Call> list(Customer customer, PageQuery page) {
        return new Page<>(List.of(new Call(UUID.randomUUID(), customer.id(), "progressing")), null);
    }

    @GetMapping("/{id}")
    Call get(Customer customer, @PathVariable UUID id) {
        return new Call(id, customer.id(), "progressing");
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Call create(Customer customer, @Valid @RequestBody CreateBody body) {
        return new Call(UUID.randomUUID(), customer.id(), "dialing");
    }

    @PostMapping("/{id}/hangup")
    Call hangup(Customer customer, @PathVariable UUID id) {
        return new Call(id, customer.id(), "hangup");
    }
}
