package net.voipbin.asteriskproxy.rpc;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import net.voipbin.asteriskproxy.ari.AriRestClient;
import net.voipbin.rpc.envelope.RpcRequest;
import net.voipbin.rpc.envelope.RpcResponse;
import net.voipbin.rpc.metrics.FleetMetrics;
import net.voipbin.rpc.server.RpcServer;
import tools.jackson.databind.json.JsonMapper;

/**
 * Serves {@code asterisk.<id>.request} and {@code asterisk.call.request}: any ARI path, not a route
 * table, so common-rpc's {@link RpcServer} runs with a pass-through handler instead of a router: the
 * request's method + URI go to ARI REST, Asterisk's status and body come back as they are.
 */
public final class AriRpcListener {

    private static final Logger log = LoggerFactory.getLogger(AriRpcListener.class);

    private AriRpcListener() {
    }

    public static RpcServer server(AriRestClient ari, JsonMapper json, long maxRequestBytes, FleetMetrics metrics) {
        return new RpcServer(request -> execute(ari, request), json, maxRequestBytes, metrics);
    }

    private static RpcResponse execute(AriRestClient ari, RpcRequest request) {
        RpcResponse response = ari.execute(request.method(), request.uri(), request.data());
        log.debug("ARI {} {} from {} -> {}", request.method(), request.uri(), request.publisher(), response.statusCode());
        return response;
    }
}
