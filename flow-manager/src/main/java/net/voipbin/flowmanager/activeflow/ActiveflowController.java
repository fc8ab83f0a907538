package net.voipbin.flowmanager.activeflow;

import java.util.UUID;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import net.voipbin.contract.flowmanager.Activeflow;
import net.voipbin.rpc.rest.Customer;
import net.voipbin.rpc.rest.Page;
import net.voipbin.rpc.rest.PageQuery;

/** {@code /v1.0/activeflows}: the customer's running and ended flows. */
@RestController
@RequestMapping("/v1.0/activeflows")
class ActiveflowController {

    private final ActiveflowService service;

    ActiveflowController(ActiveflowService service) {
        this.service = service;
    }

    @GetMapping
    Page<Activeflow> list(Customer customer, PageQuery page) {
        return service.list(customer.id(), page);
    }

    @GetMapping("/{id}")
    Activeflow get(Customer customer, @PathVariable UUID id) {
        return service.get(customer.id(), id);
    }

    @PostMapping("/{id}/stop")
    Activeflow stop(Customer customer, @PathVariable UUID id) {
        return service.stop(customer.id(), id);
    }
}
