package net.voipbin.flowmanager.external;

import java.util.UUID;

/**
 * Bodies flow-manager sends to services whose contracts do not exist yet (routes documented in the
 * README); the callee answers the created resource, of which flow-manager reads {@code id}.
 */
public final class ServiceRequests {

    private ServiceRequests() {
    }

    public record QueuecallCreate(UUID customerId, UUID queueId, String referenceType, UUID referenceId,
            UUID activeflowId) {
    }

    /** {@code role}: participant (null: conference-manager's default) or moderator. */
    public record ConferencecallCreate(UUID customerId, UUID conferenceId, String referenceType, UUID referenceId,
            UUID activeflowId, String role) {
    }
}
