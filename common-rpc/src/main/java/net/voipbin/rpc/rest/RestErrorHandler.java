package net.voipbin.rpc.rest;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import net.voipbin.rpc.error.ApiException;
import net.voipbin.rpc.error.BodyErrors;
import net.voipbin.rpc.error.ErrorBody;
import tools.jackson.core.JacksonException;

/** Every REST error in the fleet's one body format, {@code {"error", "message", "field"}}. */
@RestControllerAdvice
public class RestErrorHandler {

    private static final Logger log = LoggerFactory.getLogger(RestErrorHandler.class);

    @ExceptionHandler(ApiException.class)
    ResponseEntity<ErrorBody> api(ApiException e) {
        return ResponseEntity.status(e.status()).body(e.body());
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ResponseEntity<ErrorBody> invalid(MethodArgumentNotValidException e) {
        FieldError field = e.getBindingResult().getFieldError();
        if (field == null) {
            return badRequest(new ErrorBody("invalid_argument", e.getMessage(), null));
        }
        String name = snake(field.getField());
        return badRequest(new ErrorBody("invalid_argument", name + ": " + field.getDefaultMessage(), name));
    }

    @ExceptionHandler(HandlerMethodValidationException.class)
    ResponseEntity<ErrorBody> invalidParameter(HandlerMethodValidationException e) {
        String name = e.getParameterValidationResults().isEmpty() ? null
                : e.getParameterValidationResults().get(0).getMethodParameter().getParameterName();
        return badRequest(new ErrorBody("invalid_argument", e.getMessage(), name == null ? null : snake(name)));
    }

    /** Missing, not JSON, or a field of the wrong kind: said in the request's terms, never Java's. */
    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ErrorBody> unreadable(HttpMessageNotReadableException e) {
        JacksonException jackson = BodyErrors.jacksonCause(e.getCause());
        if (jackson != null) {
            return badRequest(BodyErrors.describe(jackson));
        }
        return badRequest(ErrorBody.of("invalid_body", e.getCause() == null
                ? "request body is required: a JSON object" : "request body could not be read"));
    }

    /** The client's mistake, not a 500. */
    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ErrorBody> mediaType(HttpMediaTypeNotSupportedException e) {
        return ResponseEntity.status(HttpStatus.UNSUPPORTED_MEDIA_TYPE)
                .body(ErrorBody.of("unsupported_media_type", "Content-Type must be application/json"));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ErrorBody> mismatch(MethodArgumentTypeMismatchException e) {
        return badRequest(new ErrorBody("invalid_argument", e.getName() + ": not a valid value", e.getName()));
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<ErrorBody> missing(MissingServletRequestParameterException e) {
        return badRequest(new ErrorBody("invalid_argument", e.getParameterName() + ": is required",
                e.getParameterName()));
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<ErrorBody> noResource(NoResourceFoundException e) {
        return ResponseEntity.status(404).body(ErrorBody.of("not_found", "no such resource: /" + e.getResourcePath()));
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ErrorBody> method(HttpRequestMethodNotSupportedException e) {
        return ResponseEntity.status(405).body(ErrorBody.of("method_not_allowed", e.getMessage()));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ErrorBody> unexpected(Exception e) {
        log.error("unhandled REST error", e);
        return ResponseEntity.status(500).body(ErrorBody.of("internal_error", "internal error"));
    }

    private static ResponseEntity<ErrorBody> badRequest(ErrorBody body) {
        return ResponseEntity.badRequest().body(body);
    }

    private static String snake(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(java.util.Locale.ROOT);
    }
}
