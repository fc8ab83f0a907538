package net.voipbin.local.daemon;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A Spring Boot service is healthy when its {@code /actuator/health} answers 200 (UP). */
final class HealthProbe {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    private HealthProbe() {
    }

    static ComponentState of(int port) {
        try {
            HttpResponse<Void> response = HTTP.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/actuator/health")).timeout(Duration.ofSeconds(2))
                    .GET().build(), HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200 ? ComponentState.HEALTHY : ComponentState.UNHEALTHY;
        } catch (IOException e) {
            return ComponentState.UNHEALTHY;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ComponentState.UNHEALTHY;
        }
    }
}
