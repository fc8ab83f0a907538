package net.voipbin.asteriskproxy.ari;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import net.voipbin.rpc.json.Json;
import tools.jackson.databind.json.JsonMapper;

class JsonObjectFrameTest {

    private final JsonMapper json = Json.newMapper();

    @Test
    void anAriEventIsAnObject() {
        assertThat(JsonObjectFrame.isObject(json, " {\"type\":\"StasisStart\",\"channel\":{\"id\":\"1.2\",\"args\":[1,{}]}}\n"))
                .isTrue();
    }

    @Test
    void anythingButOneWholeObjectIsNot() {
        assertThat(JsonObjectFrame.isObject(json, "this is not json {")).isFalse();
        assertThat(JsonObjectFrame.isObject(json, "[{\"type\":\"StasisStart\"}]")).isFalse();
        assertThat(JsonObjectFrame.isObject(json, "\"StasisStart\"")).isFalse();
        assertThat(JsonObjectFrame.isObject(json, "{\"type\":\"StasisStart\"")).isFalse();
        assertThat(JsonObjectFrame.isObject(json, "{\"type\":}")).isFalse();
        assertThat(JsonObjectFrame.isObject(json, "{} {}")).isFalse();
        assertThat(JsonObjectFrame.isObject(json, "")).isFalse();
    }
}
