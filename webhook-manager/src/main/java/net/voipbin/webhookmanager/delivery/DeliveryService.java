package net.voipbin.webhookmanager.delivery;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import net.voipbin.contract.webhookmanager.WebhookAttempt;
import net.voipbin.contract.webhookmanager.WebhookDelivery;
import net.voipbin.rpc.error.ApiException;
import net.voipbin.rpc.rest.Page;
import net.voipbin.rpc.rest.PageCursor;
import net.voipbin.rpc.rest.PageQuery;
import net.voipbin.webhookmanager.webhook.WebhookService;

/** The delivery log of a customer's webhook, and replay. */
@Service
class DeliveryService {

    private static final Logger log = LoggerFactory.getLogger(DeliveryService.class);
    private static final Set<String> STATUSES = Set.of("pending", "delivered", "failed", "cancelled");

    /** A delivery with its attempts, oldest first. */
    record DeliveryLog(WebhookDelivery delivery, List<WebhookAttempt> attemptLog) {
    }

    record Replayed(int replayed) {
    }

    private final DeliveryLogRepository repository;
    private final WebhookService webhooks;
    private final DeliveryScheduler scheduler;

    DeliveryService(DeliveryLogRepository repository, WebhookService webhooks, DeliveryScheduler scheduler) {
        this.repository = repository;
        this.webhooks = webhooks;
        this.scheduler = scheduler;
    }

    Page<WebhookDelivery> list(UUID customerId, UUID webhookId, String status, PageQuery page) {
        webhooks.requireOwned(customerId, webhookId);
        if (status != null && !STATUSES.contains(status)) {
            throw ApiException.invalidField("status", "one of " + STATUSES);
        }
        return Page.of(repository.list(customerId, webhookId, status, page), page.pageSize(),
                d -> new PageCursor(d.tmCreate(), d.id()));
    }

    DeliveryLog get(UUID customerId, UUID webhookId, UUID id) {
        WebhookDelivery delivery = repository.find(customerId, webhookId, id)
                .orElseThrow(() -> ApiException.notFound("delivery"));
        return new DeliveryLog(delivery, repository.attempts(id));
    }

    WebhookDelivery replay(UUID customerId, UUID webhookId, UUID id) {
        webhooks.requireOwned(customerId, webhookId);
        WebhookDelivery replay = repository.replay(customerId, webhookId, id)
                .orElseThrow(() -> ApiException.notFound("delivery"));
        log.info("delivery {} replayed as {} for customer {}", id, replay.id(), customerId);
        scheduler.wakeUp();
        return replay;
    }

    Replayed replayFailedSince(UUID customerId, UUID webhookId, Instant since) {
        webhooks.requireOwned(customerId, webhookId);
        if (since == null) {
            throw ApiException.invalidField("since", "required, e.g. 2026-01-20T12:00:00.000Z");
        }
        int count = repository.replayFailedSince(customerId, webhookId, since);
        log.info("{} failed deliveries of webhook {} since {} replayed", count, webhookId, since);
        scheduler.wakeUp();
        return new Replayed(count);
    }
}
