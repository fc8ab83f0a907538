package net.voipbin.rpc.server;

import java.util.ArrayList;
import java.util.List;

/**
 * The route table an {@link RpcEndpoint} fills: method + URI template (+ body type) → handler.
 * <pre>
 * routes.get("/v1/calls/{id}", call -> calls.get(call.pathUuid("id")))
 *       .post("/v1/calls", CallCreate.class, call -> RpcResult.created(calls.create(call.body())));
 * </pre>
 */
public final class RpcRoutes {

    private final List<Route> routes = new ArrayList<>();

    public RpcRoutes get(String template, RpcHandler<Void> handler) {
        return add("GET", template, Void.class, handler);
    }

    public RpcRoutes delete(String template, RpcHandler<Void> handler) {
        return add("DELETE", template, Void.class, handler);
    }

    public RpcRoutes post(String template, RpcHandler<Void> handler) {
        return add("POST", template, Void.class, handler);
    }

    public <B> RpcRoutes post(String template, Class<B> bodyType, RpcHandler<B> handler) {
        return add("POST", template, bodyType, handler);
    }

    public <B> RpcRoutes put(String template, Class<B> bodyType, RpcHandler<B> handler) {
        return add("PUT", template, bodyType, handler);
    }

    public <B> RpcRoutes add(String method, String template, Class<B> bodyType, RpcHandler<B> handler) {
        routes.add(new Route(method, new UriTemplate(template), bodyType, handler));
        return this;
    }

    List<Route> list() {
        return List.copyOf(routes);
    }

    record Route(String method, UriTemplate template, Class<?> bodyType, RpcHandler<?> handler) {
    }
}
