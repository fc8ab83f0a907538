package net.voipbin.local.cli;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import net.voipbin.local.home.LocalModeException;
import net.voipbin.rpc.json.Json;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The commands' HTTP: the fleet's REST API with a bearer token, and the simulator's control API. */
final class LocalHttp {

    private static final JsonMapper JSON = Json.newMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private LocalHttp() {
    }

    /** POST with a JSON body; answers the JSON body of a 2xx, fails with the fleet's error otherwise. */
    static JsonNode post(String url, String token, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body == null ? "" : body));
        return send(token == null ? request : request.header("Authorization", "Bearer " + token), url);
    }

    static JsonNode get(String url, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).GET();
        return send(token == null ? request : request.header("Authorization", "Bearer " + token), url);
    }

    private static JsonNode send(HttpRequest.Builder request, String url) {
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new LocalModeException(request.build().method() + " " + url + " answered "
                        + response.statusCode() + ": " + response.body());
            }
            String body = response.body();
            return body == null || body.isBlank() ? JSON.createObjectNode() : JSON.readTree(body);
        } catch (IOException e) {
            throw new LocalModeException(url + " does not answer: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LocalModeException("interrupted while calling " + url, e);
        }
    }
}
