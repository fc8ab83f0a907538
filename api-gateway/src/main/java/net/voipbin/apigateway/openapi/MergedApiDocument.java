package net.voipbin.apigateway.openapi;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The merged document, built from every service's own (asked all at once) and the gateway's, and kept
 * for a short while: Swagger UI reloads it often, and a service that was down shows up within a second.
 */
final class MergedApiDocument {

    private static final Logger log = LoggerFactory.getLogger(MergedApiDocument.class);

    private final Map<String, URI> services;
    private final ServiceDocumentClient client;
    private final DocumentMerger merger = new DocumentMerger();
    private final Cache<String, ObjectNode> cache;
    private final ExecutorService fetchers = Executors.newVirtualThreadPerTaskExecutor();

    MergedApiDocument(Map<String, URI> services, ServiceDocumentClient client, OpenApiProperties properties) {
        this.services = Map.copyOf(services);
        this.client = client;
        this.cache = Caffeine.newBuilder().maximumSize(1).expireAfter(lifetime(properties)).build();
    }

    /** The merged document; {@code gateway} describes the gateway's own operations (asked only on a rebuild). */
    ObjectNode get(Supplier<JsonNode> gateway) {
        return cache.get("document", key -> build(gateway));
    }

    private ObjectNode build(Supplier<JsonNode> gateway) {
        List<CompletableFuture<ServiceDocumentClient.Result>> answers = services.entrySet().stream()
                .map(service -> CompletableFuture.supplyAsync(() -> client.fetch(service.getKey(), service.getValue()), fetchers))
                .toList();
        List<ServiceDocument> documents = new ArrayList<>();
        List<MissingService> missing = new ArrayList<>();
        documents.add(new ServiceDocument(DocumentMerger.GATEWAY, gateway.get()));
        for (CompletableFuture<ServiceDocumentClient.Result> answer : answers) {
            ServiceDocumentClient.Result result = answer.join();
            if (result.document() != null) {
                documents.add(result.document());
            } else {
                log.warn("API document of {} left out: {}", result.missing().service(), result.missing().reason());
                missing.add(result.missing());
            }
        }
        return merger.merge(documents, missing);
    }

    private static Expiry<String, ObjectNode> lifetime(OpenApiProperties properties) {
        return Expiry.creating((key, document) -> document.path("x-voipbin-missing").isEmpty()
                ? properties.cache() : min(properties.cache(), properties.partialCache()));
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    void close() {
        fetchers.close();
    }
}
