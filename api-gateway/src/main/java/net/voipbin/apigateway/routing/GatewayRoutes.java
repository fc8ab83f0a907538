package net.voipbin.apigateway.routing;

import static org.springframework.cloud.gateway.server.mvc.filter.BeforeFilterFunctions.uri;
import static org.springframework.cloud.gateway.server.mvc.handler.GatewayRouterFunctions.route;
import static org.springframework.cloud.gateway.server.mvc.handler.HandlerFunctions.http;
import static org.springframework.web.servlet.function.RequestPredicates.path;

import java.net.URI;
import java.net.http.HttpClient;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

import net.voipbin.apigateway.config.GatewayProperties;
import net.voipbin.rpc.error.ErrorBody;
import net.voipbin.rpc.trace.Trace;

/**
 * One route per resource of {@link RouteTable}, to its owner's base URL, with Spring Cloud Gateway's
 * proxy: method, path, query, headers (the bearer token included) and body go through as they are, and
 * the service's answer comes back as it is. A service that refuses the connection or does not answer
 * in time is a 503 in the fleet's error body.
 */
@Configuration(proxyBeanMethods = false)
class GatewayRoutes {

    private static final Logger log = LoggerFactory.getLogger(GatewayRoutes.class);
    private static final String TRACE_HEADER = "X-Trace-Id";

    @Bean
    RouterFunction<ServerResponse> serviceRoutes(GatewayProperties properties) {
        RouterFunction<ServerResponse> routes = null;
        for (Map.Entry<String, String> resource : RouteTable.owners().entrySet()) {
            RouterFunction<ServerResponse> one = proxy(resource.getKey(), resource.getValue(), properties);
            routes = routes == null ? one : routes.and(one);
        }
        return routes;
    }

    /**
     * The gateway's client to the services: a connection not accepted within the connect timeout fails
     * fast, and redirects are the caller's business. HTTP/1.1, as the services speak it.
     */
    @Bean
    ClientHttpRequestFactory gatewayRequestFactory(GatewayProperties properties) {
        HttpClient client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(properties.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(client);
        factory.setReadTimeout(properties.readTimeout());
        return factory;
    }

    private static RouterFunction<ServerResponse> proxy(String resource, String service, GatewayProperties properties) {
        URI base = properties.services().get(service);
        if (base == null) {
            throw new IllegalStateException("voipbin.gateway.services." + service + " is not set (it serves /v1.0/"
                    + resource + ")");
        }
        String prefix = RouteTable.PREFIX + resource;
        return route(resource)
                .route(path(prefix).or(path(prefix + "/**")), http())
                .before(uri(base))
                // The service logs under the caller's trace id, the one the gateway answers with.
                .before(request -> ServerRequest.from(request)
                        .headers(headers -> headers.set(TRACE_HEADER, Trace.currentOrNew())).build())
                .after(GatewayRoutes::withoutServiceTraceHeader)
                .onError(ResourceAccessException.class, (failure, request) -> unavailable(service, failure))
                .build();
    }

    /**
     * The service echoes the trace id it was given; the caller gets it once, from the gateway. (An answer
     * of the gateway's own, the 503, has none and read-only headers.)
     */
    private static ServerResponse withoutServiceTraceHeader(ServerRequest request, ServerResponse response) {
        if (response.headers().containsHeader(TRACE_HEADER)) {
            response.headers().remove(TRACE_HEADER);
        }
        return response;
    }

    private static ServerResponse unavailable(String service, Throwable failure) {
        log.warn("{} unavailable: {}", service, failure.getMessage());
        return ServerResponse.status(503).contentType(MediaType.APPLICATION_JSON)
                .header("Retry-After", "1")
                .body(ErrorBody.of("service_unavailable", service + " is unavailable"));
    }
}
