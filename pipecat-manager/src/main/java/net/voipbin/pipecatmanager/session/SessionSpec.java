package net.voipbin.pipecatmanager.session;

import java.net.URI;
import java.util.UUID;

import net.voipbin.contract.pipecatmanager.PipecatcallCreate.ToolEndpoint;

/** The fixed facts of one session. */
record SessionSpec(UUID id, UUID callId, AudioFormat format, URI runnerUrl, ToolEndpoint toolEndpoint) {
}
