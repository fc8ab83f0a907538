package net.voipbin.rpc.server;

/** A handler's answer when 200 with a body is not the right one (201 Created, 202, 204). */
public record RpcResult(int status, Object data) {

    public static RpcResult created(Object data) {
        return new RpcResult(201, data);
    }

    public static RpcResult accepted(Object data) {
        return new RpcResult(202, data);
    }

    public static RpcResult noContent() {
        return new RpcResult(204, null);
    }
}
