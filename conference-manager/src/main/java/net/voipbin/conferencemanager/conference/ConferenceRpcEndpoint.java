package net.voipbin.conferencemanager.conference;

import org.springframework.stereotype.Component;

import net.voipbin.contract.conferencemanager.ConferencecallCreate;
import net.voipbin.rpc.server.RpcEndpoint;
import net.voipbin.rpc.server.RpcResult;
import net.voipbin.rpc.server.RpcRoutes;

/** Routes for flow-manager ({@code conference_join}) and other services. */
@Component
class ConferenceRpcEndpoint implements RpcEndpoint {

    private final ConferenceService conferences;
    private final ParticipantService participants;

    ConferenceRpcEndpoint(ConferenceService conferences, ParticipantService participants) {
        this.conferences = conferences;
        this.participants = participants;
    }

    @Override
    public void routes(RpcRoutes r) {
        r.post("/v1/conferencecalls", ConferencecallCreate.class, c -> RpcResult.created(participants.join(c.body())))
                .get("/v1/conferencecalls/{id}", c -> participants.get(c.pathUuid("id")))
                .delete("/v1/conferencecalls/{id}", c -> {
                    var participant = participants.get(c.pathUuid("id"));
                    return participants.kick(participant.customerId(), participant.id());
                })
                .get("/v1/conferences/{id}", c -> conferences.get(c.pathUuid("id")));
    }
}
