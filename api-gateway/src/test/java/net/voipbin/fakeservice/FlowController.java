package net.voipbin.fakeservice;

import java.util.List;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import net.voipbin.fakeservice.FakeService.Flow;
import net.voipbin.rpc.rest.Customer;
import net.voipbin.rpc.rest.Page;
import net.voipbin.rpc.rest.PageQuery;

/** What the gateway routes to flow-manager, as a fake flow-manager serves it. */
@RestController
@RequestMapping("/v1.0/flows")
public class FlowController {

    record CreateBody(@NotBlank String name, List<String> actions) {
    }

    @GetMapping
    Page<Flow> list(Customer customer, PageQuery page) {
        return new Page<>(List.of(), null);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Flow create(Customer customer, @Valid @RequestBody CreateBody body) {
        return new Flow(UUID.randomUUID(), customer.id(), body.name());
    }

    @PutMapping("/{id}")
    Flow update(Customer customer, @PathVariable UUID id, @Valid @RequestBody CreateBody body) {
        return new Flow(id, customer.id(), body.name());
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(Customer customer, @PathVariable UUID id) {
    }
}
