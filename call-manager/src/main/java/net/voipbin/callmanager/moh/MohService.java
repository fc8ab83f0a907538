package net.voipbin.callmanager.moh;

import java.util.UUID;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import net.voipbin.callmanager.asterisk.AriCommands;
import net.voipbin.callmanager.call.CallRow;
import net.voipbin.callmanager.call.CallService;
import net.voipbin.callmanager.operation.OperationEvents;
import net.voipbin.rpc.error.ApiException;

/**
 * What a held caller hears between prompts (a queue's waiting caller): Asterisk's music on hold on the call's
 * channel, started and stopped by another service. Asterisk suspends the music when a prompt is played on the
 * channel and does not resume it by itself, so whoever plays a prompt starts the music again afterwards.
 */
@Service
public class MohService {

    private static final Logger log = LoggerFactory.getLogger(MohService.class);
    /** A musiconhold.conf class name: it goes into an ARI query, so nothing else gets through. */
    private static final Pattern MOH_CLASS = Pattern.compile("[A-Za-z0-9_.-]{1,80}");

    private final CallService calls;
    private final AriCommands ari;
    private final OperationEvents operations;

    MohService(CallService calls, AriCommands ari, OperationEvents operations) {
        this.calls = calls;
        this.ari = ari;
        this.operations = operations;
    }

    /** Music of {@code mohClass} (Asterisk's default class when blank) until {@link #stop}. */
    public CallRow start(UUID callId, String mohClass) {
        String mclass = mohClass == null || mohClass.isBlank() ? null : mohClass.strip();
        if (mclass != null && !MOH_CLASS.matcher(mclass).matches()) {
            throw ApiException.invalidField("moh_class", "up to 80 letters, digits, '_', '.' or '-'");
        }
        CallRow call = calls.live(callId);
        ari.send(call.asteriskId(), "POST", "/channels/" + call.channelId() + "/moh",
                AriCommands.query("mohClass", mclass));
        log.info("call {}: music on hold ({})", callId, mclass == null ? "default class" : mclass);
        return call;
    }

    public CallRow stop(UUID callId) {
        CallRow call = calls.live(callId);
        ari.send(call.asteriskId(), "DELETE", "/channels/" + call.channelId() + "/moh", AriCommands.query());
        log.info("call {}: music on hold stopped", callId);
        return call;
    }

    /**
     * The call's prompts in flight stop at once, without {@code call_operation_finished} (as after a transfer):
     * a queue's announcement must not go on over the agent who just answered.
     */
    public CallRow stopPrompts(UUID callId) {
        CallRow call = calls.live(callId);
        operations.abandon(call);
        return call;
    }
}
