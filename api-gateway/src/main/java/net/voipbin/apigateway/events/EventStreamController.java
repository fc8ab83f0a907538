package net.voipbin.apigateway.events;

import java.io.IOException;
import java.util.UUID;

import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import net.voipbin.apigateway.config.Caller;
import net.voipbin.rpc.error.ApiException;

/**
 * {@code GET /v1.0/events}: the caller's events as Server-Sent Events, one {@code data:} line per event
 * carrying the webhook body, for as long as the client stays (no timeout: the stream is meant to stay
 * open). {@code ?type=} and {@code ?resource=} filter ({@link EventFilter}).
 */
@RestController
class EventStreamController {

    private final EventHub hub;

    EventStreamController(EventHub hub) {
        this.hub = hub;
    }

    @GetMapping(path = "/v1.0/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter events(Authentication caller, @RequestParam(required = false) String type,
            @RequestParam(required = false) String resource) {
        UUID customer = Caller.customer(caller)
                .orElseThrow(() -> new ApiException(401, "unauthenticated", "the token names no customer"));
        SseEmitter emitter = new SseEmitter(0L);
        EventClient client = hub.connect(customer, EventFilter.of(type, resource), new SseSink(emitter));
        emitter.onCompletion(() -> client.close("client gone"));
        emitter.onError(failure -> client.close("client gone"));
        return emitter;
    }

    private record SseSink(SseEmitter emitter) implements EventSink {

        /** A comment line: an EventSource ignores it, a client reading the stream knows it is subscribed. */
        @Override
        public void open() throws IOException {
            emitter.send(SseEmitter.event().comment("connected"));
        }

        @Override
        public void heartbeat() throws IOException {
            emitter.send(SseEmitter.event().comment("heartbeat"));
        }

        @Override
        public void send(String frame) throws IOException {
            emitter.send(SseEmitter.event().data(frame, MediaType.APPLICATION_JSON));
        }

        @Override
        public void close(String reason) {
            try {
                emitter.send(SseEmitter.event().name("close").data(reason));
            } catch (IOException | IllegalStateException e) {
                // The client is gone already: nobody to tell.
            }
            emitter.complete();
        }
    }
}
