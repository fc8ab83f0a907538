package net.voipbin.asteriskproxy.ari;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import net.voipbin.rpc.json.Json;
import tools.jackson.databind.json.JsonMapper;

class JsonObjectFrameTest {

    private final JsonMapper json = Json.newMapper();

    @Test
    void anAriEventIsAnObject() {
        assertThat(JsonObjectFrame.parse(json, " {\"type\":\"StasisStart\",\"channel\":{\"id\":\"1.2\",\"args\":[1,{}]}}\n"))
                .hasValueSatisfying(tree -> assertThat(tree.at("/channel/id").asString()).isEqualTo("1.2"));
    }

    @Test
    void anythingButOneWholeObjectIsNot() {
        assertThat(JsonObjectFrame.parse(json, "this is not json {")).isEmpty();
        assertThat(JsonObjectFrame.parse(json, "[{\"type\":\"StasisStart\"}]")).isEmpty();
        assertThat(JsonObjectFrame.parse(json, "\"StasisStart\"")).isEmpty();
        assertThat(JsonObjectFrame.parse(json, "{\"type\":\"StasisStart\"")).isEmpty();
        assertThat(JsonObjectFrame.parse(json, "{\"type\":}")).isEmpty();
        assertThat(JsonObjectFrame.parse(json, "{} {}")).isEmpty();
        assertThat(JsonObjectFrame.parse(json, "")).isEmpty();
    }
}
