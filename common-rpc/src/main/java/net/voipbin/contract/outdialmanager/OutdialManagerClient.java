package net.voipbin.contract.outdialmanager;

import java.util.UUID;

import net.voipbin.rpc.client.RpcClient;
import net.voipbin.rpc.topology.Topology;

/**
 * Typed RPC client of outdial-manager, for campaign-manager: read an outdial, claim its next target
 * attempts, then report, release or renew each claim. A claim that lapsed and went to another caller
 * answers {@code 409 claim_lost} ({@code RpcErrorException}); a target deleted meanwhile {@code 404}.
 */
public final class OutdialManagerClient {

    public static final String SERVICE = "outdial-manager";

    private final RpcClient rpc;
    private final String queue;

    public OutdialManagerClient(RpcClient rpc, Topology topology) {
        this.rpc = rpc;
        this.queue = topology.requestQueue(SERVICE);
    }

    /** The outdial, if it exists and is not deleted (else 404). */
    public Outdial getOutdial(UUID outdialId) {
        return rpc.call(queue, "GET", "/v1/outdials/" + outdialId, null, Outdial.class);
    }

    /** The outdial only if {@code customerId} owns it: another customer's outdial is 404, as on REST. */
    public Outdial getOutdial(UUID outdialId, UUID customerId) {
        return rpc.call(queue, "GET", "/v1/outdials/" + outdialId + "?customer_id=" + customerId, null, Outdial.class);
    }

    /** How many targets are in each status. */
    public OutdialTargetCounts counts(UUID outdialId) {
        return rpc.call(queue, "GET", "/v1/outdials/" + outdialId + "/counts", null, OutdialTargetCounts.class);
    }

    public OutdialTarget getTarget(UUID targetId) {
        return rpc.call(queue, "GET", "/v1/outdialtargets/" + targetId, null, OutdialTarget.class);
    }

    /** Claims up to {@code limit} due target attempts; no two callers ever hold the same one. */
    public TargetClaims claim(UUID outdialId, ClaimRequests.Claim request) {
        return rpc.call(queue, "POST", "/v1/outdials/" + outdialId + "/claims", request, TargetClaims.class);
    }

    /** Reports a claimed attempt's outcome (counts a try on the claimed slot); idempotent per claim. */
    public OutdialTarget report(UUID targetId, ClaimRequests.Outcome outcome) {
        return rpc.call(queue, "POST", "/v1/outdialtargets/" + targetId + "/outcome", outcome, OutdialTarget.class);
    }

    /** Gives a claim back undialled (no try counted). */
    public OutdialTarget release(UUID targetId, ClaimRequests.Release release) {
        return rpc.call(queue, "POST", "/v1/outdialtargets/" + targetId + "/release", release, OutdialTarget.class);
    }

    /** Extends a claim's lease while its call lasts. */
    public TargetClaim renew(UUID targetId, ClaimRequests.Renew renew) {
        return rpc.call(queue, "POST", "/v1/outdialtargets/" + targetId + "/renew", renew, TargetClaim.class);
    }
}
