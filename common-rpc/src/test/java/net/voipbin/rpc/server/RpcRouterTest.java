package net.voipbin.rpc.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import jakarta.validation.Validation;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import net.voipbin.rpc.envelope.RpcRequest;
import net.voipbin.rpc.envelope.RpcResponse;
import net.voipbin.rpc.error.ApiException;
import net.voipbin.rpc.json.Json;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class RpcRouterTest {

    record Dial(@NotBlank String destination, @Min(1) int ringTimeout) {
    }

    private final JsonMapper json = Json.newMapper();
    private final RpcRouter router = new RpcRouter(List.of(routes -> routes
            .get("/v1/calls/{id}", call -> new Echo(call.path("id"), call.query("fields").orElse("all")))
            .post("/v1/calls/{id}/dial", Dial.class, call -> RpcResult.created(call.body()))
            .delete("/v1/calls/{id}", call -> RpcResult.noContent())
            .post("/v1/calls/{id}/fail", call -> {
                throw new IllegalStateException("disk on fire");
            })
            .post("/v1/calls/{id}/missing", call -> {
                throw ApiException.notFound("call " + call.path("id"));
            })), json, Validation.buildDefaultValidatorFactory().getValidator());

    record Echo(String id, String fields) {
    }

    @Test
    void bindsPathVariablesAndQueryParameters() {
        RpcResponse response = dispatch("GET", "/v1/calls/c-1?fields=status", null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.data().get("id").asString()).isEqualTo("c-1");
        assertThat(response.data().get("fields").asString()).isEqualTo("status");
    }

    @Test
    void answersUnknownPathWith404AndWrongMethodWith405() {
        assertThat(dispatch("GET", "/v1/nothing", null).statusCode()).isEqualTo(404);

        RpcResponse wrongMethod = dispatch("PUT", "/v1/calls/c-1", null);
        assertThat(wrongMethod.statusCode()).isEqualTo(405);
        assertThat(wrongMethod.data().get("error").asString()).isEqualTo("method_not_allowed");
        assertThat(wrongMethod.data().get("message").asString()).contains("GET").contains("DELETE");
    }

    @Test
    void bindsAndValidatesTheBodyNamingTheOffendingField() {
        RpcResponse ok = dispatch("POST", "/v1/calls/c-1/dial", json.readTree("{\"destination\":\"+15550100\",\"ring_timeout\":30}"));
        assertThat(ok.statusCode()).isEqualTo(201);
        assertThat(ok.data().get("ring_timeout").asInt()).isEqualTo(30);

        RpcResponse invalid = dispatch("POST", "/v1/calls/c-1/dial", json.readTree("{\"destination\":\"\",\"ring_timeout\":30}"));
        assertThat(invalid.statusCode()).isEqualTo(400);
        assertThat(invalid.data().get("field").asString()).isEqualTo("destination");

        RpcResponse wrongType = dispatch("POST", "/v1/calls/c-1/dial", json.readTree("{\"destination\":\"x\",\"ring_timeout\":\"soon\"}"));
        assertThat(wrongType.statusCode()).isEqualTo(400);
        assertThat(wrongType.data().get("field").asString()).isEqualTo("ring_timeout");
        assertThat(wrongType.data().get("message").asString()).isEqualTo("ring_timeout: must be a number");

        RpcResponse noBody = dispatch("POST", "/v1/calls/c-1/dial", null);
        assertThat(noBody.statusCode()).isEqualTo(400);
        assertThat(noBody.data().get("message").asString()).isEqualTo("request body is required: a JSON object");
    }

    @Test
    void mapsHandlerFailuresToTheirStatus() {
        RpcResponse crash = dispatch("POST", "/v1/calls/c-1/fail", null);
        assertThat(crash.statusCode()).isEqualTo(500);
        assertThat(crash.data().get("error").asString()).isEqualTo("internal_error");
        assertThat(crash.data().get("message").asString()).as("no internals: the exception stays in the log")
                .isEqualTo("internal error in POST /v1/calls/c-1/fail");

        RpcResponse missing = dispatch("POST", "/v1/calls/c-9/missing", null);
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.data().get("message").asString()).isEqualTo("call c-9 not found");
    }

    @Test
    void answersNoContentWithoutData() {
        RpcResponse response = dispatch("DELETE", "/v1/calls/c-1", null);

        assertThat(response.statusCode()).isEqualTo(204);
        assertThat(response.data()).isNull();
    }

    private RpcResponse dispatch(String method, String uri, JsonNode data) {
        return router.dispatch(new RpcRequest(uri, method, "test", RpcRequest.JSON, data));
    }
}
