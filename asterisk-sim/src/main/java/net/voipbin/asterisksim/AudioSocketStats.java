package net.voipbin.asterisksim;

/**
 * What went over one externalMedia channel's AudioSocket connection, as Asterisk saw it.
 *
 * @param connected the connection to {@code external_host} was made and the UUID sent
 * @param framesSent audio frames Asterisk sent: the caller's voice, only while the channel shared a
 *        bridge with another channel
 * @param framesReceived audio frames the far end sent (what the bridge played to the caller)
 * @param audibleFramesReceived those of them that were not digital silence
 * @param hangupReceived the far end sent a hangup frame ({@code 0x00})
 * @param closed the connection is closed (by either side)
 */
public record AudioSocketStats(boolean connected, long framesSent, long framesReceived, long audibleFramesReceived,
        boolean hangupReceived, boolean closed) {
}
