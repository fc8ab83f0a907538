package net.voipbin.webhookmanager.delivery;

import java.time.Instant;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import net.voipbin.contract.webhookmanager.WebhookDelivery;
import net.voipbin.rpc.rest.Customer;
import net.voipbin.rpc.rest.Page;
import net.voipbin.rpc.rest.PageQuery;

/** {@code /v1.0/webhooks/{id}/deliveries}: the delivery log with attempts, replay one, replay failed since. */
@RestController
@RequestMapping("/v1.0/webhooks/{webhookId}/deliveries")
class DeliveryController {

    record ReplayFailed(Instant since) {
    }

    private final DeliveryService service;

    DeliveryController(DeliveryService service) {
        this.service = service;
    }

    @GetMapping
    Page<WebhookDelivery> list(Customer customer, @PathVariable UUID webhookId,
            @RequestParam(required = false) String status, PageQuery page) {
        return service.list(customer.id(), webhookId, status, page);
    }

    @GetMapping("/{id}")
    DeliveryService.DeliveryLog get(Customer customer, @PathVariable UUID webhookId, @PathVariable UUID id) {
        return service.get(customer.id(), webhookId, id);
    }

    @PostMapping("/{id}/replay")
    @ResponseStatus(HttpStatus.ACCEPTED)
    WebhookDelivery replay(Customer customer, @PathVariable UUID webhookId, @PathVariable UUID id) {
        return service.replay(customer.id(), webhookId, id);
    }

    /** Without a body {@code since} is missing, and the answer says so (400 naming it). */
    @PostMapping("/replay_failed")
    @ResponseStatus(HttpStatus.ACCEPTED)
    DeliveryService.Replayed replayFailed(Customer customer, @PathVariable UUID webhookId,
            @RequestBody(required = false) ReplayFailed request) {
        return service.replayFailedSince(customer.id(), webhookId, request == null ? null : request.since());
    }
}
