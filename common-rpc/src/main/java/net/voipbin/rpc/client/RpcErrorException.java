package net.voipbin.rpc.client;

import net.voipbin.rpc.error.ApiException;
import net.voipbin.rpc.error.ErrorBody;

/** The callee answered with a 4xx or 5xx status; carries that status and its error body. */
public class RpcErrorException extends ApiException {

    private final ErrorBody body;

    public RpcErrorException(int status, ErrorBody body) {
        super(status, body.error(), body.message(), body.field(), null);
        this.body = body;
    }

    public ErrorBody errorBody() {
        return body;
    }
}
