package net.voipbin.flowmanager.external;

import java.util.UUID;

/**
 * Bodies flow-manager sends to services whose contracts do not exist yet (routes documented in the
 * README); the callee answers the created resource, of which flow-manager reads {@code id}.
 */
public final class ServiceRequests {

    private ServiceRequests() {
    }

    /** {@code variables}: the activeflow's, of which queue-manager reads the queue's priority variable. */
    public record QueuecallCreate(UUID customerId, UUID queueId, String referenceType, UUID referenceId,
            UUID activeflowId, java.util.Map<String, String> variables) {

        public QueuecallCreate(UUID customerId, UUID queueId, String referenceType, UUID referenceId,
                UUID activeflowId) {
            this(customerId, queueId, referenceType, referenceId, activeflowId, java.util.Map.of());
        }
    }

    /** {@code role}: participant (null: conference-manager's default) or moderator. */
    public record ConferencecallCreate(UUID customerId, UUID conferenceId, String referenceType, UUID referenceId,
            UUID activeflowId, String role) {
    }
}
