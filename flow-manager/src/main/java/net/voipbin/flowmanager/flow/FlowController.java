package net.voipbin.flowmanager.flow;

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

import net.voipbin.contract.flowmanager.Flow;
import net.voipbin.contract.flowmanager.FlowRequest;
import net.voipbin.rpc.rest.Customer;
import net.voipbin.rpc.rest.Page;
import net.voipbin.rpc.rest.PageQuery;

/** {@code /v1.0/flows}: the customer's call flows. */
@RestController
@RequestMapping("/v1.0/flows")
class FlowController {

    private final FlowService service;

    FlowController(FlowService service) {
        this.service = service;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Flow create(Customer customer, @RequestBody FlowRequest request) {
        return service.create(customer.id(), request);
    }

    @GetMapping
    Page<Flow> list(Customer customer, PageQuery page) {
        return service.list(customer.id(), page);
    }

    @GetMapping("/{id}")
    Flow get(Customer customer, @PathVariable UUID id) {
        return service.get(customer.id(), id);
    }

    @PutMapping("/{id}")
    Flow update(Customer customer, @PathVariable UUID id, @RequestBody FlowRequest request) {
        return service.update(customer.id(), id, request);
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(Customer customer, @PathVariable UUID id) {
        service.delete(customer.id(), id);
    }
}
