package net.voipbin.webhookmanager.delivery;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import net.voipbin.rpc.config.ServiceName;
import net.voipbin.rpc.event.EventPublisher;
import net.voipbin.rpc.metrics.FleetMetrics;
import net.voipbin.rpc.urlguard.UrlGuard;
import net.voipbin.webhookmanager.config.WebhookProperties;
import net.voipbin.webhookmanager.webhook.WebhookService;
import tools.jackson.databind.json.JsonMapper;

/** Wires the delivery pipeline: intake → database → scheduler → worker → sender (and the endpoints' backlogs). */
@Configuration(proxyBeanMethods = false)
class DeliveryConfiguration {

    @Bean(destroyMethod = "close")
    CloseableHttpClient webhookHttpClient(WebhookProperties properties, UrlGuard guard) {
        return WebhookHttpClient.create(properties, guard);
    }

    /**
     * Group commit of new deliveries: consumers wait for it, so a message is acked only once its rows
     * are durable. With no first delay the new deliveries are leased and attempted at once, without a
     * trip through the scheduler's poll; otherwise the scheduler picks them when due. The consumers are
     * released as soon as the batch has committed; the dispatch follows (a crash in between leaves
     * leased rows, which the scheduler picks when their lease ends).
     */
    @Bean
    BatchWriter<DeliveryRepository.Enqueue> deliveryIntakeWriter(DeliveryRepository repository,
            DeliveryScheduler scheduler, WebhookProperties properties) {
        Duration firstDelay = properties.schedule().getFirst();
        boolean immediate = firstDelay.isZero();
        return new BatchWriter<>("webhook-intake", events -> {
            List<ClaimedDelivery> created = repository.enqueueAll(events, immediate ? scheduler.lease() : firstDelay);
            int[] counts = new int[events.size()];
            return immediate ? new BatchWriter.Flushed(counts, () -> scheduler.dispatch(created)) : BatchWriter.Flushed.of(counts);
        }, 256, properties.intakeLinger(), properties.commitThreads());
    }

    @Bean
    BatchWriter<DeliveryRepository.Completion> deliveryCompletionWriter(DeliveryRepository repository,
            WebhookProperties properties) {
        return new BatchWriter<>("webhook-completion", completions -> BatchWriter.Flushed.of(repository.completeAll(completions)),
                256, properties.outcomeLinger(), properties.commitThreads());
    }

    /** Group commit of parked deliveries (see {@link EndpointBacklog}): nobody waits for these either. */
    @Bean
    BatchWriter<BacklogRepository.Park> deliveryParkWriter(BacklogRepository repository, WebhookProperties properties) {
        return new BatchWriter<>("webhook-park", parks -> BatchWriter.Flushed.of(repository.parkAll(parks, properties.lease())),
                256, properties.outcomeLinger(), properties.commitThreads());
    }

    @Bean
    DeliveryScheduler deliveryScheduler(DeliveryRepository repository, BacklogRepository backlogRepository,
            BatchWriter<DeliveryRepository.Completion> deliveryCompletionWriter,
            BatchWriter<BacklogRepository.Park> deliveryParkWriter, CloseableHttpClient webhookHttpClient,
            WebhookService webhooks, EventPublisher events, WebhookProperties properties, Clock clock,
            FleetMetrics metrics) {
        RetryPolicy policy = new RetryPolicy(properties, () -> ThreadLocalRandom.current().nextDouble());
        DeliverySender sender = new DeliverySender(webhookHttpClient, properties.connectTimeout(), properties.readTimeout(), clock);
        EndpointGuards guards = new EndpointGuards(properties);
        DeliveryWorker worker = new DeliveryWorker(repository, deliveryCompletionWriter, sender, guards, policy, webhooks, events,
                metrics.registry());
        return new DeliveryScheduler(repository, worker, guards, backlogRepository, deliveryParkWriter,
                properties.pollInterval(), properties.lease(), properties.batchSize(), properties.maxInFlight());
    }

    @Bean
    DeliveryEventSubscriber deliveryEventSubscriber(BatchWriter<DeliveryRepository.Enqueue> deliveryIntakeWriter,
            JsonMapper json, ServiceName service) {
        return new DeliveryEventSubscriber(deliveryIntakeWriter, json, service.value());
    }
}
