package net.voipbin.webhookmanager.config;

import java.time.temporal.Temporal;
import java.util.Collection;
import java.util.UUID;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import net.voipbin.rpc.error.ErrorBody;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * A request body that cannot be read, in words a customer can act on: missing, not JSON (where), a
 * field of the wrong kind (which, and what it must be), or not JSON at all by its Content-Type (415).
 * Never Spring's or Jackson's own message, which names our handler methods and Java types. Ordered before common-rpc's handler, which answers these
 * with those messages (until it does this itself for the whole fleet; then this class goes).
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestBodyErrorHandler {

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ErrorBody> unreadable(HttpMessageNotReadableException e) {
        return ResponseEntity.badRequest().body(describe(e));
    }

    /** Otherwise a 500 (common-rpc's catch-all), for what is the client's mistake. */
    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ErrorBody> mediaType(HttpMediaTypeNotSupportedException e) {
        return ResponseEntity.status(HttpStatus.UNSUPPORTED_MEDIA_TYPE)
                .body(ErrorBody.of("unsupported_media_type", "Content-Type must be application/json"));
    }

    private static ErrorBody describe(HttpMessageNotReadableException e) {
        JacksonException jackson = jacksonCause(e);
        if (jackson == null) {
            return ErrorBody.of("invalid_body", e.getCause() == null
                    ? "request body is required: a JSON object" : "request body could not be read");
        }
        if (jackson instanceof StreamReadException) {
            return ErrorBody.of("invalid_body", "request body is not valid JSON" + where(jackson.getLocation()));
        }
        String field = path(jackson);
        if (field.isEmpty()) {
            return ErrorBody.of("invalid_body", "request body must be a JSON object");
        }
        String expected = jackson instanceof MismatchedInputException mismatch ? expected(mismatch.getTargetType()) : null;
        return new ErrorBody("invalid_argument", field + ": " + (expected == null ? "not a valid value" : "must be " + expected), field);
    }

    private static JacksonException jacksonCause(Throwable e) {
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof JacksonException jackson) {
                return jackson;
            }
        }
        return null;
    }

    private static String where(TokenStreamLocation location) {
        return location == null || location.getLineNr() < 1 ? ""
                : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }

    /** The field as the request names it: {@code since}, {@code event_types[0]}. */
    private static String path(JacksonException e) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : e.getPath()) {
            if (reference.getPropertyName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String expected(Class<?> type) {
        if (type == null) {
            return null;
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != char.class)) {
            return "a number";
        }
        if (CharSequence.class.isAssignableFrom(type)) {
            return "a string";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "an array";
        }
        if (Temporal.class.isAssignableFrom(type)) {
            return "a timestamp such as 2026-01-20T12:00:00.000Z";
        }
        return type == UUID.class ? "a UUID" : null;
    }
}
