package net.voipbin.queuemanager.queuecall;

import java.util.UUID;

import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import net.voipbin.contract.queuemanager.Queuecall;
import net.voipbin.rpc.rest.Customer;
import net.voipbin.rpc.rest.Page;
import net.voipbin.rpc.rest.PageQuery;

/** {@code /v1.0/queuecalls}: the customer's callers, newest first, by queue and status; a waiting one taken out. */
@RestController
@RequestMapping("/v1.0/queuecalls")
class QueuecallController {

    private final QueuecallService queuecalls;

    QueuecallController(QueuecallService queuecalls) {
        this.queuecalls = queuecalls;
    }

    @GetMapping
    Page<Queuecall> list(Customer customer, PageQuery page, @RequestParam(name = "queue_id", required = false) UUID queueId,
            @RequestParam(required = false) String status) {
        return queuecalls.list(customer.id(), queueId, status, page);
    }

    @GetMapping("/{id}")
    Queuecall get(Customer customer, @PathVariable UUID id) {
        return queuecalls.get(customer.id(), id);
    }

    /** The caller leaves the line ({@code kicked}) and goes on with their flow; 409 once connected or ended. */
    @DeleteMapping("/{id}")
    Queuecall kick(Customer customer, @PathVariable UUID id) {
        return queuecalls.kick(customer.id(), id);
    }
}
