package net.voipbin.rpc.server;

/**
 * A bean that serves RPC routes. The service's request queue consumer collects every endpoint's
 * routes into one table at start.
 */
public interface RpcEndpoint {

    void routes(RpcRoutes routes);
}
