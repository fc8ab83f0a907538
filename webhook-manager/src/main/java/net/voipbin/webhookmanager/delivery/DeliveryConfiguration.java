package net.voipbin.webhookmanager.delivery;

import java.net.http.HttpClient;
import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import net.voipbin.rpc.config.ServiceName;
import net.voipbin.rpc.event.EventPublisher;
import net.voipbin.webhookmanager.config.WebhookProperties;
import net.voipbin.webhookmanager.webhook.SsrfGuard;
import net.voipbin.webhookmanager.webhook.WebhookService;
import tools.jackson.databind.json.JsonMapper;

/** Wires the delivery pipeline: intake → database → scheduler → worker → sender. */
@Configuration(proxyBeanMethods = false)
class DeliveryConfiguration {

    /** HTTP/1.1 with keep-alive; redirects are never followed (an SSRF guard could be bounced past). */
    @Bean
    HttpClient webhookHttpClient(WebhookProperties properties) {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(properties.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .executor(Executors.newVirtualThreadPerTaskExecutor())
                .build();
    }

    /** Group commit of new deliveries: consumers wait for it, so a message is acked only once its rows are durable. */
    @Bean
    BatchWriter<DeliveryRepository.Enqueue> deliveryIntakeWriter(DeliveryRepository repository,
            WebhookProperties properties) {
        return new BatchWriter<>("webhook-intake", events -> {
            // One statement for the batch; every item learns how many deliveries its batch created.
            int created = repository.enqueueAll(events, properties.schedule().getFirst());
            int[] counts = new int[events.size()];
            java.util.Arrays.fill(counts, created);
            return counts;
        }, 256, 2);
    }

    @Bean
    BatchWriter<DeliveryRepository.Completion> deliveryCompletionWriter(DeliveryRepository repository) {
        return new BatchWriter<>("webhook-completion", repository::completeAll, 256, 2);
    }

    @Bean
    DeliveryScheduler deliveryScheduler(DeliveryRepository repository,
            BatchWriter<DeliveryRepository.Completion> deliveryCompletionWriter, HttpClient webhookHttpClient, SsrfGuard guard,
            WebhookService webhooks, EventPublisher events, WebhookProperties properties, Clock clock) {
        RetryPolicy policy = new RetryPolicy(properties, () -> ThreadLocalRandom.current().nextDouble());
        DeliverySender sender = new DeliverySender(webhookHttpClient, guard, properties.readTimeout(), clock);
        DeliveryWorker worker = new DeliveryWorker(repository, deliveryCompletionWriter, sender, new EndpointGuards(properties), policy,
                webhooks, events, clock);
        return new DeliveryScheduler(repository, worker, properties.pollInterval(), properties.lease(),
                properties.batchSize(), properties.maxInFlight());
    }

    @Bean
    DeliveryEventSubscriber deliveryEventSubscriber(BatchWriter<DeliveryRepository.Enqueue> deliveryIntakeWriter,
            DeliveryScheduler scheduler, JsonMapper json, WebhookProperties properties, ServiceName service) {
        return new DeliveryEventSubscriber(deliveryIntakeWriter, scheduler, json, service.value());
    }
}
