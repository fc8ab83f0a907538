package net.voipbin.rpc.config;

import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import net.voipbin.rpc.auth.JwtTokens;
import net.voipbin.rpc.rest.RestSupport;
import tools.jackson.databind.json.JsonMapper;

/**
 * The REST edge every service shares: bearer JWT authentication (HS256, the fleet's key) on
 * {@code /v1.0/**}, open health probes and OpenAPI document, one JSON error format, {@code Customer} and
 * {@code PageQuery} controller parameters, and a trace id per request. The rest of the actuator (metrics,
 * mappings) is for
 * operators only ({@link OperatorAccess}); health answers everyone, with details only for operators
 * ({@code management.endpoint.health.*} in voipbin-defaults.properties).
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(VoipbinProperties.class)
@EnableWebSecurity
@Import(RestSupport.class)
public class RestAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    JwtDecoder jwtDecoder(VoipbinProperties properties) {
        return NimbusJwtDecoder.withSecretKey(JwtTokens.key(properties.auth().jwtSecret()))
                .macAlgorithm(MacAlgorithm.HS256)
                .build();
    }

    @Bean
    @ConditionalOnMissingBean
    SecurityFilterChain voipbinSecurity(HttpSecurity http, RestSupport support, JsonMapper json,
            @Value("${springdoc.api-docs.path:/v3/api-docs}") String apiDocs) throws Exception {
        AccessDeniedHandler forbidden = OperatorAccess.forbidden(json);
        http.csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info").permitAll()
                        .requestMatchers("/error").permitAll()
                        // The service's OpenAPI document: the API's shape is public, its resources are not.
                        .requestMatchers(apiDocs).permitAll()
                        .requestMatchers("/actuator", "/actuator/**").hasRole(OperatorAccess.ROLE)
                        .anyRequest().authenticated())
                .oauth2ResourceServer(server -> server
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(OperatorAccess.jwtConverter()))
                        .authenticationEntryPoint(support.unauthorizedEntryPoint())
                        .accessDeniedHandler(forbidden))
                .exceptionHandling(handling -> handling.authenticationEntryPoint(support.unauthorizedEntryPoint())
                        .accessDeniedHandler(forbidden));
        return http.build();
    }

    @Bean
    WebMvcConfigurer voipbinArgumentResolvers(RestSupport support) {
        return new WebMvcConfigurer() {
            @Override
            public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
                resolvers.addAll(support.argumentResolvers());
            }
        };
    }
}
