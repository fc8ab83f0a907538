package net.voipbin.contract.callmanager;

/**
 * Body of {@code POST /v1/calls/<call_id>/external-media} (as pipecat-manager needs it): attach the call's
 * audio to an external media channel, ARI {@code externalMedia} style. For AudioSocket: encapsulation
 * {@code audiosocket}, transport {@code tcp}, {@code data} = the UUID Asterisk sends first on the socket.
 * A call-manager whose Asterisk cannot use {@code format} answers 400 with field {@code format}.
 */
public record ExternalMediaCreate(
        String externalHost,
        String encapsulation,
        String transport,
        String format,
        String direction,
        String data) {
}
