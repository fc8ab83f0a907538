package net.voipbin.campaignmanager.dnc;

import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.Valid;
import net.voipbin.rpc.rest.Customer;
import net.voipbin.rpc.rest.Page;
import net.voipbin.rpc.rest.PageQuery;

/** {@code /v1.0/dncs}: the customer's do-not-call list. */
@RestController
@RequestMapping("/v1.0/dncs")
class DncController {

    private final DncService service;

    DncController(DncService service) {
        this.service = service;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    DncEntry add(Customer customer, @Valid @RequestBody DncRequests.Create request) {
        return service.add(customer.id(), request);
    }

    @GetMapping
    Page<DncEntry> list(Customer customer, @RequestParam(required = false) String number, PageQuery page) {
        return service.list(customer.id(), number, page);
    }

    @GetMapping("/{id}")
    DncEntry get(Customer customer, @PathVariable UUID id) {
        return service.get(customer.id(), id);
    }

    @PutMapping("/{id}")
    DncEntry update(Customer customer, @PathVariable UUID id, @Valid @RequestBody DncRequests.Update request) {
        return service.update(customer.id(), id, request);
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void remove(Customer customer, @PathVariable UUID id) {
        service.remove(customer.id(), id);
    }
}
