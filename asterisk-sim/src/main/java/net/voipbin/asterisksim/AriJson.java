package net.voipbin.asterisksim;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Asterisk's JSON conventions: compact output, timestamps {@code 2026-11-25T03:09:13.011+0000}. */
final class AriJson {

    static final JsonMapper MAPPER = JsonMapper.builder().build();

    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ").withZone(ZoneOffset.UTC);

    private AriJson() {
    }

    static String timestamp(Instant instant) {
        return TIMESTAMP.format(instant);
    }

    static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    static ObjectNode message(String text) {
        return object().put("message", text);
    }

    static String write(JsonNode node) {
        return MAPPER.writeValueAsString(node);
    }

    static JsonNode parse(String text) {
        return MAPPER.readTree(text);
    }
}
