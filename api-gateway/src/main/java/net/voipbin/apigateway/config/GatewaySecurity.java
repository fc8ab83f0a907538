package net.voipbin.apigateway.config;

import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.http.MediaType;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;

import jakarta.servlet.http.HttpServletRequest;
import net.voipbin.rpc.config.OperatorAccess;
import net.voipbin.rpc.error.ErrorBody;
import net.voipbin.rpc.rest.RestSupport;
import tools.jackson.databind.json.JsonMapper;

/**
 * The gateway checks the bearer token itself (it needs the customer for the rate limit and the live
 * events) and refuses a missing or bad one with the fleet's 401 body; the services still check it again.
 * Open without a token: health, the operator console's static files and the API description.
 */
@Configuration(proxyBeanMethods = false)
class GatewaySecurity {

    /** A browser cannot set headers on a WebSocket or an EventSource: the events accept {@code ?token=}. */
    static final String EVENTS_PATH = "/v1.0/events";

    @Bean
    SecurityFilterChain gatewaySecurityChain(HttpSecurity http, RestSupport support, JsonMapper json) throws Exception {
        AccessDeniedHandler forbidden = (request, response, denied) -> {
            response.setStatus(403);
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            json.writeValue(response.getOutputStream(), ErrorBody.of("permission_denied", "an operator token is required"));
        };
        http.csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info").permitAll()
                        .requestMatchers("/error", "/", "/console", "/console/**").permitAll()
                        .requestMatchers("/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**")
                        .permitAll()
                        .requestMatchers("/actuator", "/actuator/**").hasRole(OperatorAccess.ROLE)
                        .anyRequest().authenticated())
                .oauth2ResourceServer(server -> server
                        .bearerTokenResolver(tokens())
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(operatorRole()))
                        .authenticationEntryPoint(support.unauthorizedEntryPoint())
                        .accessDeniedHandler(forbidden))
                .exceptionHandling(handling -> handling.authenticationEntryPoint(support.unauthorizedEntryPoint())
                        .accessDeniedHandler(forbidden));
        return http.build();
    }

    /** As every service: an operator's token carries {@code ROLE_OPERATOR}, a customer's none. */
    private static JwtAuthenticationConverter operatorRole() {
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(jwt -> OperatorAccess.isOperator(jwt)
                ? List.of(new SimpleGrantedAuthority("ROLE_" + OperatorAccess.ROLE)) : List.of());
        return converter;
    }

    private static BearerTokenResolver tokens() {
        DefaultBearerTokenResolver header = new DefaultBearerTokenResolver();
        return request -> {
            String token = header.resolve(request);
            return token == null && isEvents(request) ? blankToNull(request.getParameter("token")) : token;
        };
    }

    private static boolean isEvents(HttpServletRequest request) {
        String path = request.getRequestURI();
        return path.equals(EVENTS_PATH) || path.startsWith(EVENTS_PATH + "/");
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
