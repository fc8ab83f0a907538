package net.voipbin.campaignmanager.outplan;

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
import net.voipbin.contract.campaignmanager.Outplan;
import net.voipbin.rpc.rest.Customer;
import net.voipbin.rpc.rest.Page;
import net.voipbin.rpc.rest.PageQuery;

/** {@code /v1.0/outplans}: how the customer's campaigns dial. */
@RestController
@RequestMapping("/v1.0/outplans")
class OutplanController {

    private final OutplanService service;

    OutplanController(OutplanService service) {
        this.service = service;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Outplan create(Customer customer, @Valid @RequestBody OutplanRequests.Create request) {
        return service.create(customer.id(), request);
    }

    @GetMapping
    Page<Outplan> list(Customer customer, PageQuery page) {
        return service.list(customer.id(), page);
    }

    @GetMapping("/{id}")
    Outplan get(Customer customer, @PathVariable UUID id) {
        return service.get(customer.id(), id);
    }

    @PutMapping("/{id}")
    Outplan update(Customer customer, @PathVariable UUID id, @Valid @RequestBody OutplanRequests.Update request) {
        return service.update(customer.id(), id, request);
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(Customer customer, @PathVariable UUID id) {
        service.delete(customer.id(), id);
    }
}
