package net.voipbin.rpc.server;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.server.PathContainer;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import net.voipbin.rpc.envelope.RpcRequest;
import net.voipbin.rpc.envelope.RpcResponse;
import net.voipbin.rpc.error.ApiException;
import net.voipbin.rpc.error.BodyErrors;
import net.voipbin.rpc.error.ErrorBody;
import net.voipbin.rpc.server.RpcRoutes.Route;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns a request into a response: finds the route (404 unknown path, 405 wrong method), binds and
 * validates the body (400 naming the field), runs the handler and maps its outcome to a status
 * (its {@link ApiException}'s, or 500 with the error body). It never throws.
 */
public final class RpcRouter {

    private static final Logger log = LoggerFactory.getLogger(RpcRouter.class);

    private final List<Route> routes;
    private final JsonMapper json;
    private final Validator validator;

    public RpcRouter(Collection<RpcEndpoint> endpoints, JsonMapper json, Validator validator) {
        RpcRoutes table = new RpcRoutes();
        endpoints.forEach(endpoint -> endpoint.routes(table));
        this.routes = table.list();
        this.json = json;
        this.validator = validator;
    }

    public RpcResponse dispatch(RpcRequest request) {
        try {
            return invoke(request);
        } catch (ApiException e) {
            return error(e.status(), e.body());
        } catch (RuntimeException e) {
            // The caller may show the message to a customer (a flow's error): the cause stays in this log.
            log.error("RPC {} {} from {} failed", request.method(), request.uri(), request.publisher(), e);
            return error(500, ErrorBody.of("internal_error", "internal error in " + request.method() + " "
                    + request.uri().replaceFirst("\\?.*", "")));
        }
    }

    public RpcResponse error(int status, ErrorBody body) {
        return new RpcResponse(status, RpcRequest.JSON, json.valueToTree(body));
    }

    private RpcResponse invoke(RpcRequest request) {
        int query = request.uri().indexOf('?');
        String path = query < 0 ? request.uri() : request.uri().substring(0, query);
        Map<String, String> params = query < 0 ? Map.of() : parseQuery(request.uri().substring(query + 1));
        List<String> allowed = new ArrayList<>(2);
        PathContainer parsed = UriTemplate.parse(path);
        for (Route route : routes) {
            Optional<Map<String, String>> variables = route.template().match(parsed);
            if (variables.isEmpty()) {
                continue;
            }
            if (!route.method().equals(request.method())) {
                allowed.add(route.method());
                continue;
            }
            return run(route, new RpcCall<>(variables.get(), params, body(route, request), request.publisher()));
        }
        if (!allowed.isEmpty()) {
            throw new ApiException(405, "method_not_allowed",
                    request.method() + " not allowed on " + path + " (allowed: " + String.join(", ", allowed) + ")");
        }
        throw new ApiException(404, "not_found", "no route for " + request.method() + " " + path);
    }

    @SuppressWarnings("unchecked")
    private RpcResponse run(Route route, RpcCall<Object> call) {
        Object result;
        try {
            result = ((RpcHandler<Object>) route.handler()).handle(call);
        } catch (ApiException | IllegalArgumentException e) {
            throw e instanceof ApiException api ? api : ApiException.badRequest("invalid_argument", e.getMessage());
        } catch (Exception e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
        if (result instanceof RpcResult r) {
            return new RpcResponse(r.status(), RpcRequest.JSON, r.data() == null ? null : json.valueToTree(r.data()));
        }
        return new RpcResponse(200, RpcRequest.JSON, result == null ? null : json.valueToTree(result));
    }

    private Object body(Route route, RpcRequest request) {
        if (route.bodyType() == Void.class) {
            return null;
        }
        if (request.data() == null) {
            throw ApiException.badRequest("invalid_body", "request body is required: a JSON object");
        }
        Object body;
        try {
            body = json.treeToValue(request.data(), route.bodyType());
        } catch (JacksonException e) {
            throw ApiException.badRequest(BodyErrors.describe(e));
        }
        Set<ConstraintViolation<Object>> violations = validator.validate(body);
        if (!violations.isEmpty()) {
            ConstraintViolation<Object> first = violations.iterator().next();
            throw ApiException.invalidField(snake(first.getPropertyPath().toString()), first.getMessage());
        }
        return body;
    }

    static String snake(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(java.util.Locale.ROOT);
    }

    private static Map<String, String> parseQuery(String query) {
        Map<String, String> params = new HashMap<>();
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = UriTemplate.decode(eq < 0 ? pair : pair.substring(0, eq));
            params.put(key, eq < 0 ? "" : UriTemplate.decode(pair.substring(eq + 1)));
        }
        return params;
    }
}
