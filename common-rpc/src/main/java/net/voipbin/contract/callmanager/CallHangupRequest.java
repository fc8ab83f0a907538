package net.voipbin.contract.callmanager;

/** Body of {@code POST /v1/calls/<call_id>/hangup}; {@code reason} as call-manager records it (e.g. normal). */
public record CallHangupRequest(String reason) {
}
