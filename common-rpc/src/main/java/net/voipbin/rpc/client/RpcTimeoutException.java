package net.voipbin.rpc.client;

import java.time.Duration;

import net.voipbin.rpc.error.ApiException;

/** No response within the call's deadline: the callee is down, overloaded or lost the request. */
public class RpcTimeoutException extends ApiException {

    public RpcTimeoutException(String queue, String method, String uri, Duration deadline) {
        super(504, "rpc_timeout", method + " " + uri + " on " + queue + " got no response within "
                + deadline.toMillis() + " ms");
    }
}
