package net.voipbin.apigateway.openapi;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Asks one service for its own OpenAPI document ({@code GET <base>/v3/api-docs}, no token needed). */
final class ServiceDocumentClient {

    static final String DOCS_PATH = "/v3/api-docs";

    private final HttpClient http;
    private final JsonMapper json;
    private final Duration timeout;

    ServiceDocumentClient(JsonMapper json, Duration timeout) {
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER).build();
        this.json = json;
        this.timeout = timeout;
    }

    /** The document, or why there is none: never throws for a service that is down or answers nonsense. */
    Result fetch(String service, URI base) {
        URI uri = URI.create(base.toString().replaceAll("/+$", "") + DOCS_PATH);
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).timeout(timeout)
                    .header("Accept", "application/json").GET().build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                return Result.missing(service, uri + " answered " + response.statusCode());
            }
            JsonNode document = json.readTree(response.body());
            if (!document.path("openapi").isString()) {
                return Result.missing(service, uri + " answered something that is not an OpenAPI document");
            }
            return new Result(new ServiceDocument(service, document), null);
        } catch (IOException e) {
            return Result.missing(service, uri + " unreachable: " + describe(e));
        } catch (JacksonException e) {
            return Result.missing(service, uri + " answered something that is not JSON");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Result.missing(service, "interrupted");
        }
    }

    private static String describe(IOException e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    /** Exactly one of the two is set. */
    record Result(ServiceDocument document, MissingService missing) {

        static Result missing(String service, String reason) {
            return new Result(null, new MissingService(service, reason));
        }
    }
}
