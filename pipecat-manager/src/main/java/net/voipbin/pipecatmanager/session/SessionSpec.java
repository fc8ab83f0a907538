package net.voipbin.pipecatmanager.session;

import java.net.URI;
import java.util.UUID;

import net.voipbin.contract.pipecatmanager.PipecatcallCreate.ToolEndpoint;

/**
 * The fixed facts of one session. {@code mayFallBack}: slin16 was not asked for, so slin may replace
 * it where Asterisk cannot stream slin16.
 */
record SessionSpec(UUID id, UUID callId, AudioFormat format, URI runnerUrl, ToolEndpoint toolEndpoint,
        boolean mayFallBack) {

    /** The same session in another format, with no further fallback. */
    SessionSpec in(AudioFormat other) {
        return new SessionSpec(id, callId, other, runnerUrl, toolEndpoint, false);
    }
}
