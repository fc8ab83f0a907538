package net.voipbin.rpc.json;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;

/**
 * The fleet's one JSON dialect: snake_case names, lower-case enums, ISO-8601 UTC timestamps with
 * milliseconds ({@code 2026-01-20T12:00:00.000Z}), unknown fields ignored so that a newer publisher
 * never breaks an older consumer.
 */
public final class Json {

    private static final DateTimeFormatter MILLIS =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private Json() {
    }

    public static JsonMapper newMapper() {
        return configure(JsonMapper.builder()).build();
    }

    /** Applies the fleet's settings to a builder (also used to customise Spring MVC's mapper). */
    public static JsonMapper.Builder configure(JsonMapper.Builder builder) {
        SimpleModule timestamps = new SimpleModule("voipbin-timestamps");
        timestamps.addSerializer(Instant.class, new InstantSerializer());
        return builder
                .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(EnumFeature.WRITE_ENUMS_TO_LOWERCASE)
                .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
                .addModule(timestamps);
    }

    public static String format(Instant instant) {
        return MILLIS.format(instant);
    }

    private static final class InstantSerializer extends ValueSerializer<Instant> {
        @Override
        public void serialize(Instant value, JsonGenerator gen, SerializationContext ctxt) {
            gen.writeString(MILLIS.format(value));
        }
    }
}
