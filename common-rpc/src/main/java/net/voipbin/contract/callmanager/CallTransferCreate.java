package net.voipbin.contract.callmanager;

/**
 * Body of {@code POST /v1/calls/<call_id>/transfer} (as pipecat-manager needs it): {@code type} blind or
 * attended, {@code destination} a phone number (E.164), SIP URI or extension.
 */
public record CallTransferCreate(String type, String destination) {
}
