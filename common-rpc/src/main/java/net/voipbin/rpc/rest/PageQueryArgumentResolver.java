package net.voipbin.rpc.rest;

import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

import net.voipbin.rpc.error.ApiException;

/** Resolves a {@link PageQuery} controller parameter from {@code page_size} and {@code page_token}. */
final class PageQueryArgumentResolver implements HandlerMethodArgumentResolver {

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == PageQuery.class;
    }

    @Override
    public PageQuery resolveArgument(MethodParameter parameter, ModelAndViewContainer mavContainer,
            NativeWebRequest webRequest, WebDataBinderFactory binderFactory) {
        String size = webRequest.getParameter("page_size");
        Integer pageSize;
        try {
            pageSize = size == null || size.isBlank() ? null : Integer.valueOf(size);
        } catch (NumberFormatException e) {
            throw ApiException.invalidField("page_size", "not a number: " + size);
        }
        return PageQuery.of(pageSize, webRequest.getParameter("page_token"));
    }
}
