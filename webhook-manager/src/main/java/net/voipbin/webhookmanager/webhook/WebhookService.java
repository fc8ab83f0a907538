package net.voipbin.webhookmanager.webhook;

import java.net.URI;
import java.security.SecureRandom;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import net.voipbin.contract.webhookmanager.Webhook;
import net.voipbin.rpc.error.ApiException;
import net.voipbin.rpc.rest.Page;
import net.voipbin.rpc.rest.PageCursor;
import net.voipbin.rpc.rest.PageQuery;
import net.voipbin.rpc.urlguard.UrlGuard;
import net.voipbin.rpc.urlguard.UrlKind;
import net.voipbin.webhookmanager.config.WebhookProperties;
import net.voipbin.webhookmanager.signing.WebhookSecret;

/** A customer's webhooks: create, read, change, delete, rotate the secret. Secrets are never logged. */
@Service
public class WebhookService {

    private static final Logger log = LoggerFactory.getLogger(WebhookService.class);
    private static final Pattern EVENT_TYPE = Pattern.compile("[a-z0-9_]{1,64}");
    private static final long MAX_GRACE_SECONDS = 7 * 24 * 3600;

    private final WebhookRepository repository;
    private final UrlGuard guard;
    private final WebhookProperties properties;
    private final SecureRandom random = new SecureRandom();

    WebhookService(WebhookRepository repository, UrlGuard guard, WebhookProperties properties) {
        this.repository = repository;
        this.guard = guard;
        this.properties = properties;
    }

    Webhook create(UUID customerId, WebhookRequests.Create request) {
        String url = checkedUrl(request.url());
        WebhookRow row = repository.insert(UUID.randomUUID(), customerId, url, eventTypes(request.eventTypes()),
                request.enabled() == null || request.enabled(), description(request.description()),
                WebhookSecret.generate(random));
        // Only the host: customers put tokens in webhook URLs' paths and queries.
        log.info("webhook {} created for customer {} -> host {}", row.id(), customerId, URI.create(url).getHost());
        return row.toWebhookWithSecret();
    }

    Webhook get(UUID customerId, UUID id) {
        return row(customerId, id).toWebhook();
    }

    Page<Webhook> list(UUID customerId, PageQuery page) {
        List<Webhook> rows = repository.list(customerId, page).stream().map(WebhookRow::toWebhook).toList();
        return Page.of(rows, page.pageSize(), w -> new PageCursor(w.tmCreate(), w.id()));
    }

    Webhook update(UUID customerId, UUID id, WebhookRequests.Update request) {
        WebhookRow old = row(customerId, id);
        boolean enabled = request.enabled() == null ? old.enabled() : request.enabled();
        WebhookRow changed = new WebhookRow(id, customerId,
                request.url() == null ? old.url() : checkedUrl(request.url()),
                request.eventTypes() == null ? old.eventTypes() : eventTypes(request.eventTypes()), enabled,
                request.description() == null ? old.description() : description(request.description()),
                old.secret(), old.previousSecret(), old.previousSecretExpires(),
                enabled ? null : old.disabledReason(), old.tmCreate(), old.tmUpdate());
        WebhookRow saved = repository.update(changed);
        log.info("webhook {} of customer {} updated (enabled={})", id, customerId, enabled);
        return saved.toWebhook();
    }

    void delete(UUID customerId, UUID id) {
        if (!repository.delete(customerId, id)) {
            throw ApiException.notFound("webhook");
        }
        log.info("webhook {} of customer {} deleted", id, customerId);
    }

    Webhook rotateSecret(UUID customerId, UUID id, WebhookRequests.Rotation request) {
        long grace = request == null || request.gracePeriodSeconds() == null
                ? properties.rotationGracePeriod().toSeconds() : request.gracePeriodSeconds();
        if (grace < 0 || grace > MAX_GRACE_SECONDS) {
            throw ApiException.invalidField("grace_period_seconds", "must be between 0 and " + MAX_GRACE_SECONDS);
        }
        WebhookRow row = repository.rotate(customerId, id, WebhookSecret.generate(random), grace)
                .orElseThrow(() -> ApiException.notFound("webhook"));
        log.info("webhook {} of customer {} secret rotated, previous valid {} s", id, customerId, grace);
        return row.toWebhookWithSecret();
    }

    /** Throws 404 unless the customer owns the (not deleted) webhook. */
    public void requireOwned(UUID customerId, UUID id) {
        row(customerId, id);
    }

    /** The endpoint told us it is gone for good (410): stop sending to it. */
    public void disableGone(UUID id, int status) {
        repository.disable(id, "endpoint answered " + status + " Gone");
        log.warn("webhook {} disabled: endpoint answered {}", id, status);
    }

    private WebhookRow row(UUID customerId, UUID id) {
        return repository.find(customerId, id).orElseThrow(() -> ApiException.notFound("webhook"));
    }

    private String checkedUrl(String url) {
        if (url == null || url.isBlank() || url.length() > 2048) {
            throw ApiException.invalidField("url", "required, at most 2048 characters");
        }
        return guard.validate("url", url, UrlKind.HTTP).toString();
    }

    private static List<String> eventTypes(List<String> types) {
        if (types == null) {
            return List.of();
        }
        if (types.size() > 100 || !types.stream().allMatch(t -> t != null && EVENT_TYPE.matcher(t).matches())) {
            throw ApiException.invalidField("event_types", "at most 100 event type names like call_hungup");
        }
        return types.stream().distinct().toList();
    }

    private static String description(String description) {
        if (description != null && description.length() > 1000) {
            throw ApiException.invalidField("description", "at most 1000 characters");
        }
        return description == null ? "" : description;
    }
}
