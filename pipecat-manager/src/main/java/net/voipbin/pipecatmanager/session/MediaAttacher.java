package net.voipbin.pipecatmanager.session;

import java.util.function.BooleanSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import net.voipbin.contract.callmanager.CallMediaClient;
import net.voipbin.contract.callmanager.ExternalMediaCreate;
import net.voipbin.rpc.client.RpcErrorException;

/**
 * Asks call-manager to stream the call's audio to our AudioSocket server: encapsulation audiosocket,
 * transport tcp, data = the session id (the UUID Asterisk sends first). slin16 where the Asterisk
 * supports it; when the format was not chosen by the caller and call-manager refuses slin16 (400),
 * falls back to slin.
 */
public class MediaAttacher {

    private static final Logger log = LoggerFactory.getLogger(MediaAttacher.class);

    private final CallMediaClient calls;
    private final java.util.function.Supplier<String> advertisedAddress;

    public MediaAttacher(CallMediaClient calls, java.util.function.Supplier<String> advertisedAddress) {
        this.calls = calls;
        this.advertisedAddress = advertisedAddress;
    }

    /** {@code mayFallBack} is asked after a refusal: a session that ended meanwhile is not tried again. */
    AudioFormat attach(SessionSpec spec, BooleanSupplier mayFallBack) {
        try {
            request(spec, spec.format());
            return spec.format();
        } catch (RpcErrorException e) {
            if (e.status() != 400 || !mayFallBack.getAsBoolean()) {
                throw e;
            }
            log.info("pipecatcall {}: slin16 refused ({}), falling back to slin", spec.id(), e.getMessage());
            request(spec, AudioFormat.SLIN);
            return AudioFormat.SLIN;
        }
    }

    /** External media in the spec's own format, no fallback. */
    void request(SessionSpec spec) {
        request(spec, spec.format());
    }

    private void request(SessionSpec spec, AudioFormat format) {
        calls.externalMedia(spec.callId(), new ExternalMediaCreate(advertisedAddress.get(), "audiosocket", "tcp",
                format.wireName(), "both", spec.id().toString()));
    }
}
