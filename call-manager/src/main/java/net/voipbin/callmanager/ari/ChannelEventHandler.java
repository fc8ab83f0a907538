package net.voipbin.callmanager.ari;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import net.voipbin.callmanager.asterisk.ChannelRepository;
import net.voipbin.callmanager.asterisk.ChannelIds;
import net.voipbin.callmanager.call.ActiveflowLink;
import net.voipbin.callmanager.call.CallLifecycle;
import net.voipbin.callmanager.call.CallRepository;
import net.voipbin.callmanager.call.CallRow;
import net.voipbin.callmanager.call.CallService;
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
    /** Far more channels than end between one channel's StasisEnd and its ChannelDestroyed. */
    private static final int ENDED_CHANNELS_KEPT = 4096;

    private final CallRepository calls;
    private final CallLifecycle lifecycle;
    private final CallService callService;
    private final NumberService numbers;
    private final ActiveflowLink activeflows;
    private final ChannelRepository channels;
    private final OperationEvents operations;
    private final TransferService transfers;
    private final EndedChannels ended = new EndedChannels(ENDED_CHANNELS_KEPT);
    /** {@code voipbin_calls_unrouted_total}: calls to numbers nobody owns, for the operator's dashboard. */
    private final Counter unrouted;

    ChannelEventHandler(CallRepository calls, CallLifecycle lifecycle, CallService callService, NumberService numbers,
            ActiveflowLink activeflows, ChannelRepository channels, OperationEvents operations,
            TransferService transfers, MeterRegistry meters) {
        this.unrouted = Counter.builder("voipbin.calls.unrouted")
                .description("inbound calls to a number nobody owns, rejected as unallocated").register(meters);
        this.calls = calls;
        this.lifecycle = lifecycle;
        this.callService = callService;
        this.numbers = numbers;
        this.activeflows = activeflows;
        this.channels = channels;
        this.operations = operations;
        this.transfers = transfers;
    }

    /**
     * Every channel of ours (an originate, a transfer leg, external media) has an id we minted and its
     * channel row before it enters the app. A channel with an id of Asterisk's is a new inbound call
     * without a lookup (on the set-up path of every call); one of ours without a row is treated as one too.
     */
    void stasisStart(String asteriskId, AriChannel channel, JsonNode args) {
        Optional<String> kind = ChannelIds.minted(channel.id()) ? channels.kind(channel.id()) : Optional.empty();
        if (kind.isEmpty()) {
            inbound(asteriskId, channel);
            return;
        }
        if (ChannelRepository.KIND_MEDIA.equals(kind.get())) {
            channels.upsert(channel.id(), asteriskId, channel.name(), channel.state(), ChannelRepository.KIND_MEDIA, null);
            return;
        }
        Optional<CallRow> ours = calls.findByChannel(channel.id());
        if (ours.isEmpty()) {
            log.warn("channel {} entered the app: a call channel without a call, ignored", channel.id());
            return;
        }
        channels.upsert(channel.id(), asteriskId, channel.name(), channel.state(), ChannelRepository.KIND_CALL,
                ours.get().id());
        if (ours.get().direction() == Direction.OUTGOING) {
            originatedEntered(asteriskId, channel);
        }
    }

    /** Our originate was answered and entered the app: a transfer's target leg, or a call that runs a flow. */
    private void originatedEntered(String asteriskId, AriChannel channel) {
        lifecycle.answered(channel.id(), asteriskId);
        CallRow call = calls.findByChannel(channel.id()).orElseThrow();
        if (transfers.targetAnswered(call)) {
            return;
        }
        if (call.flowId() != null && call.activeflowId() == null && call.isLive()) {
            activeflows.start(call).ifPresent(flow -> lifecycle.linkActiveflow(call.id(), flow.id()));
        }
    }

    /**
     * A call to a number nobody owns is stored under no customer (null) and rejected at once.
     * The call and its channel row are stored together, so a redelivered StasisStart stores nothing and
     * goes no further. A call that will run a flow names its activeflow from the start (flow-manager
     * creates it with that id), so {@code call_created} carries the link and no second write is needed.
     */
    private void inbound(String asteriskId, AriChannel channel) {
        Optional<PhoneNumber> number = numbers.route(channel.exten());
        UUID flowId = number.map(PhoneNumber::flowId).orElse(null);
        UUID activeflowId = flowId == null ? null : UUID.randomUUID();
        Optional<CallRow> created = lifecycle.inbound(asteriskId, channel.id(), channel.name(), channel.state(),
                address(channel.callerNumber()), address(channel.exten()),
                number.map(PhoneNumber::customerId).orElse(null), flowId, activeflowId);
        if (created.isEmpty()) {
            return;
        }
        CallRow call = created.get();
        try {
            if (number.isEmpty()) {
                // Unrouted: no customer's call. Rejected as Q.850 1 (unallocated number); the record stays
                // for operators, under no customer, so no customer's API or webhook ever sees it.
                log.info("call {}: unrouted, nobody owns {}; rejected as unallocated", call.id(), channel.exten());
                unrouted.increment();
                callService.hangup(call.id(), HangupReason.FAILED, "number_not_found", "unallocated");
            } else if (call.flowId() == null) {
                callService.hangup(call.id(), HangupReason.FAILED, "number_without_flow", "unallocated");
            } else if (activeflows.start(call).isEmpty()) {
                lifecycle.linkActiveflow(call.id(), null);
                callService.hangup(call.id(), HangupReason.FAILED, "activeflow_failed");
            }
        } catch (RuntimeException e) {
            // The call record stands; reconciliation ends it if the channel outlives this failure.
            log.warn("call {}: routing failed: {}", call.id(), e.getMessage());
        }
    }

    /**
     * The call's status follows the channel's state. The channel row is not rewritten: nothing reads a
     * channel's state, and the write was a round trip per change on every call.
     */
    void stateChange(String asteriskId, AriChannel channel) {
        switch (channel.state()) {
            case "Up" -> lifecycle.answered(channel.id(), asteriskId);
            case "Ringing" -> lifecycle.ringing(channel.id(), asteriskId);
            default -> lifecycle.seenOn(channel.id(), asteriskId);
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
        endOnce(channel.id(), null);
    }

    void destroyed(AriChannel channel, int cause) {
        endOnce(channel.id(), cause);
    }

    /**
     * The first of StasisEnd and ChannelDestroyed ends the channel and its call in one transaction; the
     * later one finds the channel ended (here, in memory, when this instance ended it) and changes
     * nothing. Without a cause of its own (StasisEnd) the far end's hangup request gives it, else normal
     * clearing.
     */
    private void endOnce(String channelId, Integer reportedCause) {
        if (ended.contains(channelId)) {
            return;
        }
        lifecycle.channelEnded(channelId, reportedCause).ifPresent(end -> {
            ended.add(channelId);
            end.hungUp().ifPresent(this::closeWork);
        });
    }

    /**
     * The call of a channel that is gone, found out late: hung up as of {@code at}, its operations and
     * transfers closed. Idempotent.
     */
    void ended(String channelId, int cause, Instant at) {
        channels.ended(channelId);
        lifecycle.hungUp(channelId, cause, at).ifPresent(this::closeWork);
    }

    private void closeWork(CallRow call) {
        operations.callEnded(call);
        transfers.callHungUp(call);
    }

    static Address address(String target) {
        if (target == null || target.isBlank()) {
            return new Address(Address.AddressType.TEL, "anonymous");
        }
        return new Address(target.matches("\\+?[0-9*#]+") ? Address.AddressType.TEL : Address.AddressType.SIP, target);
    }
}
