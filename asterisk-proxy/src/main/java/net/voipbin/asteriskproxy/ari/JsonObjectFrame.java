package net.voipbin.asteriskproxy.ari;

import java.util.Optional;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a frame that must be exactly one JSON object. The frame is still published as the text it is;
 * the tree is read only for the partition key (which channel the event is about).
 */
final class JsonObjectFrame {

    private JsonObjectFrame() {
    }

    /** The frame's object, or empty when the frame is anything but one whole JSON object. */
    static Optional<JsonNode> parse(JsonMapper json, String frame) {
        try (JsonParser parser = json.createParser(frame)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return Optional.empty();
            }
            JsonNode tree = json.readTree(parser);
            return parser.nextToken() == null ? Optional.of(tree) : Optional.empty();
        } catch (JacksonException e) {
            return Optional.empty();
        }
    }
}
