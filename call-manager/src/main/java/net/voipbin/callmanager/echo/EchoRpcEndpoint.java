package net.voipbin.callmanager.echo;

import org.springframework.stereotype.Component;

import net.voipbin.rpc.server.RpcEndpoint;
import net.voipbin.rpc.server.RpcRoutes;

/** {@code POST /v1/calls/<id>/echo}: the caller hears themselves for a while (a line test). */
@Component
class EchoRpcEndpoint implements RpcEndpoint {

    /** How long the caller hears themselves. */
    record EchoBody(Integer durationMs) {
    }

    private final EchoService echo;

    EchoRpcEndpoint(EchoService echo) {
        this.echo = echo;
    }

    @Override
    public void routes(RpcRoutes r) {
        r.post("/v1/calls/{id}/echo", EchoBody.class, c -> echo.echo(c.pathUuid("id"), c.body().durationMs()).toCall());
    }
}
