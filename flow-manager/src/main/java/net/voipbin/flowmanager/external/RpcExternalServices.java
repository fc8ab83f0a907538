package net.voipbin.flowmanager.external;

import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Component;

import net.voipbin.contract.pipecatmanager.PipecatManagerClient;
import net.voipbin.contract.pipecatmanager.PipecatcallCreate;
import net.voipbin.rpc.client.RpcClient;
import net.voipbin.rpc.error.ApiException;
import net.voipbin.rpc.topology.Topology;
import tools.jackson.databind.JsonNode;

/** {@link ExternalServices} over RPC on each service's request queue (default deadline). */
@Component
class RpcExternalServices implements ExternalServices {

    static final String QUEUE_MANAGER = "queue-manager";
    static final String CONFERENCE_MANAGER = "conference-manager";

    private final RpcClient rpc;
    private final Topology topology;
    private final PipecatManagerClient pipecat;

    RpcExternalServices(RpcClient rpc, Topology topology) {
        this.rpc = rpc;
        this.topology = topology;
        this.pipecat = new PipecatManagerClient(rpc, topology);
    }

    @Override
    public UUID joinQueue(ServiceRequests.QueuecallCreate request) {
        return idOf(rpc.call(topology.requestQueue(QUEUE_MANAGER), "POST", "/v1/queuecalls", request,
                JsonNode.class), QUEUE_MANAGER);
    }

    @Override
    public UUID joinConference(ServiceRequests.ConferencecallCreate request) {
        return idOf(rpc.call(topology.requestQueue(CONFERENCE_MANAGER), "POST", "/v1/conferencecalls", request,
                JsonNode.class), CONFERENCE_MANAGER);
    }

    @Override
    public Optional<UUID> conferencePreFlow(UUID customerId, UUID conferenceId) {
        try {
            JsonNode conference = rpc.call(topology.requestQueue(CONFERENCE_MANAGER), "GET",
                    "/v1/conferences/" + conferenceId, null, JsonNode.class);
            if (!customerId.toString().equals(conference.path("customer_id").asString(""))) {
                return Optional.empty();
            }
            return Optional.of(UUID.fromString(conference.path("pre_flow_id").asString("")));
        } catch (ApiException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    @Override
    public UUID startAiTalk(PipecatcallCreate request) {
        return pipecat.create(request).id();
    }

    private static UUID idOf(JsonNode resource, String service) {
        try {
            return UUID.fromString(resource.path("id").asString());
        } catch (IllegalArgumentException e) {
            throw new ApiException(502, "bad_response", service + " answered no resource id");
        }
    }
}
