package net.voipbin.callmanager.ari;

import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import net.voipbin.callmanager.call.ActiveflowLink;
import net.voipbin.callmanager.call.CallLifecycle;
import net.voipbin.callmanager.call.CallRepository;
import net.voipbin.callmanager.call.CallRow;
import net.voipbin.callmanager.call.CallService;
import net.voipbin.callmanager.call.HangupCauses;
import net.voipbin.callmanager.number.NumberService;
import net.voipbin.callmanager.number.PhoneNumber;
import net.voipbin.callmanager.operation.OperationEvents;
import net.voipbin.callmanager.transfer.TransferService;
import net.voipbin.contract.callmanager.Address;
import net.voipbin.contract.callmanager.Call.Direction;
import net.voipbin.contract.callmanager.Call.HangupReason;
import tools.jackson.databind.JsonNode;

/** Channel events → call state: Stasis entry (new inbound call or our originated one), answer, DTMF, end. */
@Component
class ChannelEventHandler {

    private static final Logger log = LoggerFactory.getLogger(ChannelEventHandler.class);

    private final CallRepository calls;
    private final CallLifecycle lifecycle;
    private final CallService callService;
    private final NumberService numbers;
    private final ActiveflowLink activeflows;
    private final ChannelRepository channels;
    private final OperationEvents operations;
    private final TransferService transfers;

    ChannelEventHandler(CallRepository calls, CallLifecycle lifecycle, CallService callService, NumberService numbers,
            ActiveflowLink activeflows, ChannelRepository channels, OperationEvents operations,
            TransferService transfers) {
        this.calls = calls;
        this.lifecycle = lifecycle;
        this.callService = callService;
        this.numbers = numbers;
        this.activeflows = activeflows;
        this.channels = channels;
        this.operations = operations;
        this.transfers = transfers;
    }

    void stasisStart(String asteriskId, AriChannel channel, JsonNode args) {
        Optional<CallRow> ours = calls.findByChannel(channel.id());
        if (ours.isPresent()) {
            channels.upsert(channel.id(), asteriskId, channel.name(), channel.state(), ChannelRepository.KIND_CALL,
                    ours.get().id());
            if (ours.get().direction() == Direction.OUTGOING) {
                originatedEntered(asteriskId, channel);
            }
            return;
        }
        if (channels.kind(channel.id()).filter(ChannelRepository.KIND_MEDIA::equals).isPresent()) {
            channels.upsert(channel.id(), asteriskId, channel.name(), channel.state(), ChannelRepository.KIND_MEDIA, null);
            return;
        }
        inbound(asteriskId, channel);
    }

    /** Our originate was answered and entered the app: a transfer's target leg, or a call that runs a flow. */
    private void originatedEntered(String asteriskId, AriChannel channel) {
        lifecycle.seenOn(channel.id(), asteriskId);
        lifecycle.answered(channel.id());
        CallRow call = calls.findByChannel(channel.id()).orElseThrow();
        if (transfers.targetAnswered(call)) {
            return;
        }
        if (call.flowId() != null && call.activeflowId() == null && call.isLive()) {
            activeflows.start(call).ifPresent(flow -> lifecycle.activeflowStarted(call.id(), flow.id()));
        }
    }

    private void inbound(String asteriskId, AriChannel channel) {
        Optional<PhoneNumber> number = numbers.route(channel.exten());
        CallRow call = lifecycle.inbound(asteriskId, channel.id(), address(channel.callerNumber()),
                address(channel.exten()), number.map(PhoneNumber::customerId).orElse(CallRow.NO_CUSTOMER),
                number.map(PhoneNumber::flowId).orElse(null));
        channels.upsert(channel.id(), asteriskId, channel.name(), channel.state(), ChannelRepository.KIND_CALL, call.id());
        try {
            if (number.isEmpty()) {
                callService.hangup(call.id(), HangupReason.FAILED, "number_not_found", "unallocated");
            } else if (call.flowId() == null) {
                callService.hangup(call.id(), HangupReason.FAILED, "number_without_flow", "unallocated");
            } else {
                activeflows.start(call).ifPresentOrElse(flow -> lifecycle.activeflowStarted(call.id(), flow.id()),
                        () -> callService.hangup(call.id(), HangupReason.FAILED, "activeflow_failed"));
            }
        } catch (RuntimeException e) {
            // The call record stands; reconciliation ends it if the channel outlives this failure.
            log.warn("call {}: routing failed: {}", call.id(), e.getMessage());
        }
    }

    void stateChange(String asteriskId, AriChannel channel) {
        channels.upsert(channel.id(), asteriskId, channel.name(), channel.state(), ChannelRepository.KIND_CALL, null);
        lifecycle.seenOn(channel.id(), asteriskId);
        switch (channel.state()) {
            case "Up" -> lifecycle.answered(channel.id());
            case "Ringing" -> lifecycle.ringing(channel.id());
            default -> { }
        }
    }

    void dtmf(AriChannel channel, String digit, int durationMs) {
        calls.findByChannel(channel.id()).filter(CallRow::isLive)
                .ifPresent(call -> operations.digit(call, digit, durationMs));
    }

    void hangupRequest(AriChannel channel, int cause, boolean soft) {
        if (!soft) {
            channels.recordHangupCause(channel.id(), cause);
        }
    }

    /**
     * The channel left the app. Asterisk does not always deliver {@code ChannelDestroyed} to the app (the
     * captured real streams end here), so the call ends now, with the cause of the hangup request if the
     * far end sent one; a hangup we requested keeps its own reason.
     */
    void stasisEnd(AriChannel channel) {
        ended(channel.id(), channels.hangupCause(channel.id()).orElse(HangupCauses.NORMAL_CLEARING));
    }

    void destroyed(AriChannel channel, int cause) {
        ended(channel.id(), cause);
    }

    /** The call of a channel that is gone: hung up, its operations and transfers closed. Idempotent. */
    void ended(String channelId, int cause) {
        channels.ended(channelId);
        lifecycle.hungUp(channelId, cause).ifPresent(call -> {
            operations.callEnded(call);
            transfers.callHungUp(call);
        });
    }

    static Address address(String target) {
        if (target == null || target.isBlank()) {
            return new Address(Address.AddressType.TEL, "anonymous");
        }
        return new Address(target.matches("\\+?[0-9*#]+") ? Address.AddressType.TEL : Address.AddressType.SIP, target);
    }
}
