package net.voipbin.agentmanager.offer;

import org.springframework.stereotype.Component;

import net.voipbin.contract.agentmanager.AgentReserve;
import net.voipbin.contract.agentmanager.OfferRequests;
import net.voipbin.rpc.server.RpcEndpoint;
import net.voipbin.rpc.server.RpcRoutes;

/** The offer cycle for queue-manager: reserve, then ringing on (linear), answered / missed / released, then ended. */
@Component
class OfferRpcEndpoint implements RpcEndpoint {

    private final ReservationService reservations;
    private final OfferService offers;

    OfferRpcEndpoint(ReservationService reservations, OfferService offers) {
        this.reservations = reservations;
        this.offers = offers;
    }

    @Override
    public void routes(RpcRoutes r) {
        r.post("/v1/reservations", AgentReserve.class, c -> reservations.reserve(c.body()))
                .post("/v1/reservations/{id}/release", OfferRequests.Release.class,
                        c -> offers.release(c.pathUuid("id"), c.body()))
                .post("/v1/agents/{id}/answered", OfferRequests.Answered.class,
                        c -> offers.answered(c.pathUuid("id"), c.body()))
                .post("/v1/agents/{id}/ringing", OfferRequests.Ringing.class,
                        c -> offers.ringing(c.pathUuid("id"), c.body()))
                .post("/v1/agents/{id}/missed", OfferRequests.Missed.class,
                        c -> offers.missed(c.pathUuid("id"), c.body()))
                .post("/v1/agents/{id}/ended", OfferRequests.Ended.class,
                        c -> offers.ended(c.pathUuid("id"), c.body()));
    }
}
