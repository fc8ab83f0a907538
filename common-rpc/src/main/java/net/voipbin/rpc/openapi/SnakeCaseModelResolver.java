package net.voipbin.rpc.openapi;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.springframework.core.Ordered;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;

import io.swagger.v3.core.jackson.ModelResolver;
import io.swagger.v3.core.jackson.TypeNameResolver;
import io.swagger.v3.core.util.Json31;
import io.swagger.v3.oas.models.media.Schema;

/**
 * Describes bodies the way the fleet's JSON writes them ({@code net.voipbin.rpc.json.Json}): snake_case
 * names and lower-case enum values. swagger-core introspects with its own Jackson 2 mapper, which knows
 * nothing of the Jackson 3 mapper Spring MVC serialises with, so without this the document would name
 * {@code nextPageToken} and {@code HANGUP} where the wire says {@code next_page_token} and {@code hangup}.
 * Ordered first so that springdoc registers it behind its own converters (ResponseEntity, Optional, ...)
 * and in front of swagger-core's default resolver, which it shadows.
 */
final class SnakeCaseModelResolver extends ModelResolver implements Ordered {

    SnakeCaseModelResolver() {
        super(snakeCase(), new NestedTypeNames());
        openapi31(true);
    }

    private static ObjectMapper snakeCase() {
        return Json31.mapper().copy().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);
    }

    /** Jackson 3's WRITE_ENUMS_TO_LOWERCASE lower-cases a constant's name, not a name given explicitly. */
    @Override
    @SuppressWarnings({"rawtypes", "unchecked"})
    protected Schema _createSchemaForEnum(Class<Enum<?>> enumClass) {
        Schema schema = super._createSchemaForEnum(enumClass);
        List<Object> values = schema.getEnum();
        if (values == null) {
            return schema;
        }
        List<String> constants = Arrays.stream(enumClass.getEnumConstants()).map(Enum::name).toList();
        schema.setEnum(values.stream()
                .map(value -> value instanceof String name && constants.contains(name) ? name.toLowerCase(Locale.ROOT) : value)
                .toList());
        return schema;
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    /**
     * Controllers declare their bodies as nested records with short names ({@code CallController.CreateBody},
     * {@code NumberController.CreateBody}); by simple name they would share one schema and the last one
     * described would silently stand for both. A nested class is named after its enclosing classes,
     * without the {@code Controller} suffix: {@code CallCreateBody}.
     */
    static final class NestedTypeNames extends TypeNameResolver {

        @Override
        protected String getNameOfClass(Class<?> cls) {
            StringBuilder name = new StringBuilder(cls.getSimpleName());
            for (Class<?> outer = cls.getEnclosingClass(); outer != null; outer = outer.getEnclosingClass()) {
                name.insert(0, outer.getSimpleName().replaceFirst("Controller$", ""));
            }
            return name.toString();
        }
    }
}
