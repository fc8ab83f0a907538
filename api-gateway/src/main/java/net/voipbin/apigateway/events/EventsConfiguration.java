package net.voipbin.apigateway.events;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;

import net.voipbin.apigateway.config.GatewayProperties;
import net.voipbin.rpc.event.InstanceEventSubscriber;
import tools.jackson.databind.json.JsonMapper;

@Configuration(proxyBeanMethods = false)
@EnableWebSocket
class EventsConfiguration implements WebSocketConfigurer {

    private final EventHub hub;
    private final JsonMapper json;

    EventsConfiguration(GatewayProperties properties, JsonMapper json) {
        this.hub = new EventHub(json, properties.events().clientBuffer());
        this.json = json;
    }

    @Bean
    EventHub eventHub() {
        return hub;
    }

    @Bean
    InstanceEventSubscriber eventBusSubscriber() {
        return new EventBusSubscriber(hub);
    }

    @Bean
    LiveClientsLifecycle liveClientsLifecycle() {
        return new LiveClientsLifecycle(hub);
    }

    /** Any origin: the token, not a cookie, authenticates, so another site's page gains nothing. */
    @Override
    public void registerWebSocketHandlers(WebSocketHandlerRegistry registry) {
        registry.addHandler(new EventWebSocketHandler(hub, json), "/v1.0/events/ws").setAllowedOrigins("*");
    }
}
