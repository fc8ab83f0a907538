package net.voipbin.rpc.error;

import java.time.temporal.Temporal;
import java.util.Collection;
import java.util.UUID;

import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * A request body that cannot be read, in words a customer can act on: not JSON (where), not an object,
 * or a field of the wrong kind (which, and what it must be). Never Jackson's own message, which names
 * Java types. Used by the REST error handler and the RPC router alike.
 */
public final class BodyErrors {

    private BodyErrors() {
    }

    /** What was wrong with a body Jackson could not read. */
    public static ErrorBody describe(JacksonException e) {
        if (e instanceof StreamReadException) {
            return ErrorBody.of("invalid_body", "request body is not valid JSON" + where(e.getLocation()));
        }
        String field = path(e);
        if (field.isEmpty()) {
            return ErrorBody.of("invalid_body", "request body must be a JSON object");
        }
        String expected = e instanceof MismatchedInputException mismatch ? expected(mismatch.getTargetType()) : null;
        return new ErrorBody("invalid_argument", field + ": " + (expected == null ? "not a valid value" : "must be " + expected),
                field);
    }

    /** The first Jackson failure among {@code e}'s causes, or null. */
    public static JacksonException jacksonCause(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
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
        if (type.isEnum()) {
            return "one of " + enumValues(type);
        }
        return type == UUID.class ? "a UUID" : null;
    }

    private static String enumValues(Class<?> type) {
        StringBuilder values = new StringBuilder();
        for (Object constant : type.getEnumConstants()) {
            values.append(values.isEmpty() ? "" : ", ").append(constant.toString().toLowerCase(java.util.Locale.ROOT));
        }
        return values.toString();
    }
}
