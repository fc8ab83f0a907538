package net.voipbin.contract.callmanager;

import java.util.UUID;

/** call-manager's answer to {@link ExternalMediaCreate}: the external media channel bridged with the call. */
public record ExternalMedia(UUID callId, String channelId, String externalHost, String format) {
}
