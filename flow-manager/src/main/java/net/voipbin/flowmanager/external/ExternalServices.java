package net.voipbin.flowmanager.external;

import java.util.Optional;
import java.util.UUID;

import net.voipbin.contract.pipecatmanager.PipecatcallCreate;

/**
 * The services an action hands a call to and waits for: queue-manager, conference-manager,
 * pipecat-manager. Each answers the id of the resource it created; the flow resumes on that
 * resource's end event. A service that is not running fails the call within the RPC deadline.
 */
public interface ExternalServices {

    /** queue-manager {@code POST /v1/queuecalls}; resumes on {@code queuecall_done|abandoned|timeout}. */
    UUID joinQueue(ServiceRequests.QueuecallCreate request);

    /** conference-manager {@code POST /v1/conferencecalls}; resumes on {@code conferencecall_left}. */
    UUID joinConference(ServiceRequests.ConferencecallCreate request);

    /**
     * The pre flow of the customer's conference ({@code GET /v1/conferences/<id>} at conference-manager), run
     * before the call joins; empty when it has none, or the conference cannot be read (the join then says why).
     */
    default Optional<UUID> conferencePreFlow(UUID customerId, UUID conferenceId) {
        return Optional.empty();
    }

    /** pipecat-manager {@code POST /v1/pipecatcalls}; resumes on {@code pipecatcall_ended}. */
    UUID startAiTalk(PipecatcallCreate request);
}
