package net.voipbin.rpc.server;

/**
 * A route's handler. Returns the response data (200), or an {@link RpcResult} for another status.
 * Throws {@link net.voipbin.rpc.error.ApiException} for an expected failure.
 */
@FunctionalInterface
public interface RpcHandler<B> {

    Object handle(RpcCall<B> call) throws Exception;
}
