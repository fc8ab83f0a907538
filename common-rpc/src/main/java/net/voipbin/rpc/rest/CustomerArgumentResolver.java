package net.voipbin.rpc.rest;

import java.util.UUID;

import org.springframework.core.MethodParameter;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

import net.voipbin.rpc.auth.JwtTokens;
import net.voipbin.rpc.error.ApiException;

/** Resolves a {@link Customer} controller parameter from the verified JWT's customer claim. */
final class CustomerArgumentResolver implements HandlerMethodArgumentResolver {

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == Customer.class;
    }

    @Override
    public Customer resolveArgument(MethodParameter parameter, ModelAndViewContainer mavContainer,
            NativeWebRequest webRequest, WebDataBinderFactory binderFactory) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !(authentication.getPrincipal() instanceof Jwt jwt)) {
            throw new ApiException(401, "unauthenticated", "a bearer token is required");
        }
        String claim = jwt.getClaimAsString(JwtTokens.CUSTOMER_CLAIM);
        try {
            return new Customer(UUID.fromString(claim));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new ApiException(401, "unauthenticated", "the token names no customer");
        }
    }
}
