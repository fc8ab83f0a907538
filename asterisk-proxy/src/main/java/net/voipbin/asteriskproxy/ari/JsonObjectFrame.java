package net.voipbin.asteriskproxy.ari;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.json.JsonMapper;

/**
 * Tells whether a frame is one well-formed JSON object, by running the tokenizer over it without
 * building a tree: the frame is published as the text it is, so a tree was only ever thrown away.
 */
final class JsonObjectFrame {

    private JsonObjectFrame() {
    }

    static boolean isObject(JsonMapper json, String frame) {
        try (JsonParser parser = json.createParser(frame)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return false;
            }
            parser.skipChildren();
            return parser.nextToken() == null;
        } catch (JacksonException e) {
            return false;
        }
    }
}
