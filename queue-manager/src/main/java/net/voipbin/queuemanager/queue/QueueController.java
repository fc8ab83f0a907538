package net.voipbin.queuemanager.queue;

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

import net.voipbin.contract.queuemanager.Queue;
import net.voipbin.rpc.rest.Customer;
import net.voipbin.rpc.rest.Page;
import net.voipbin.rpc.rest.PageQuery;

/** {@code /v1.0/queues}: the customer's queues. */
@RestController
@RequestMapping("/v1.0/queues")
class QueueController {

    private final QueueService queues;

    QueueController(QueueService queues) {
        this.queues = queues;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Queue create(Customer customer, @RequestBody QueueRequests.Body body) {
        return queues.create(customer.id(), body);
    }

    @GetMapping
    Page<Queue> list(Customer customer, PageQuery page) {
        return queues.list(customer.id(), page);
    }

    @GetMapping("/{id}")
    Queue get(Customer customer, @PathVariable UUID id) {
        return queues.get(customer.id(), id);
    }

    @PutMapping("/{id}")
    Queue update(Customer customer, @PathVariable UUID id, @RequestBody QueueRequests.Body body) {
        return queues.update(customer.id(), id, body);
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(Customer customer, @PathVariable UUID id) {
        queues.delete(customer.id(), id);
    }
}
