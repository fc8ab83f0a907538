package net.voipbin.webhookmanager.webhook;

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

import net.voipbin.contract.webhookmanager.Webhook;
import net.voipbin.rpc.rest.Customer;
import net.voipbin.rpc.rest.Page;
import net.voipbin.rpc.rest.PageQuery;

/** {@code /v1.0/webhooks}: the customer's endpoints. The secret is in the answer to create and rotate only. */
@RestController
@RequestMapping("/v1.0/webhooks")
class WebhookController {

    private final WebhookService service;

    WebhookController(WebhookService service) {
        this.service = service;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Webhook create(Customer customer, @RequestBody WebhookRequests.Create request) {
        return service.create(customer.id(), request);
    }

    @GetMapping
    Page<Webhook> list(Customer customer, PageQuery page) {
        return service.list(customer.id(), page);
    }

    @GetMapping("/{id}")
    Webhook get(Customer customer, @PathVariable UUID id) {
        return service.get(customer.id(), id);
    }

    @PutMapping("/{id}")
    Webhook update(Customer customer, @PathVariable UUID id, @RequestBody WebhookRequests.Update request) {
        return service.update(customer.id(), id, request);
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(Customer customer, @PathVariable UUID id) {
        service.delete(customer.id(), id);
    }

    @PostMapping("/{id}/rotate_secret")
    Webhook rotateSecret(Customer customer, @PathVariable UUID id,
            @RequestBody(required = false) WebhookRequests.Rotation request) {
        return service.rotateSecret(customer.id(), id, request);
    }
}
