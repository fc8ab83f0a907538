package net.voipbin.rpc.rest;

import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.MediaType;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;

import net.voipbin.rpc.config.ServiceName;
import net.voipbin.rpc.error.ErrorBody;
import tools.jackson.databind.json.JsonMapper;

/** The REST pieces the auto-configuration wires: error advice, trace filter, resolvers, 401 body. */
@Configuration(proxyBeanMethods = false)
public class RestSupport {

    private final JsonMapper json;

    private final String service;

    public RestSupport(JsonMapper json, ObjectProvider<ServiceName> service) {
        this.json = json;
        ServiceName name = service.getIfAvailable();
        this.service = name == null ? null : name.value();
    }

    @Bean
    RestErrorHandler restErrorHandler() {
        return new RestErrorHandler();
    }

    @Bean
    FilterRegistrationBean<TraceFilter> traceFilter() {
        FilterRegistrationBean<TraceFilter> registration = new FilterRegistrationBean<>(new TraceFilter(service));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    public List<HandlerMethodArgumentResolver> argumentResolvers() {
        return List.of(new CustomerArgumentResolver(), new PageQueryArgumentResolver());
    }

    /** 401 in the fleet's error format, whether the token is missing, malformed, expired or forged. */
    public AuthenticationEntryPoint unauthorizedEntryPoint() {
        return (request, response, failure) -> {
            response.setStatus(401);
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            response.setHeader("WWW-Authenticate", "Bearer");
            json.writeValue(response.getOutputStream(), ErrorBody.of("unauthenticated",
                    request.getHeader("Authorization") == null ? "a bearer token is required" : "invalid bearer token"));
        };
    }
}
