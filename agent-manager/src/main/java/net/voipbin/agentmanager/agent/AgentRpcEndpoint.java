package net.voipbin.agentmanager.agent;

import java.util.UUID;

import org.springframework.stereotype.Component;

import net.voipbin.rpc.error.ApiException;
import net.voipbin.rpc.rest.PageQuery;
import net.voipbin.rpc.server.RpcCall;
import net.voipbin.rpc.server.RpcEndpoint;
import net.voipbin.rpc.server.RpcRoutes;

/** Reads for other services (queue-manager's per-agent statistics), scoped by {@code customer_id} like REST. */
@Component
class AgentRpcEndpoint implements RpcEndpoint {

    private final AgentService agents;

    AgentRpcEndpoint(AgentService agents) {
        this.agents = agents;
    }

    @Override
    public void routes(RpcRoutes r) {
        r.get("/v1/agents/{id}", c -> agents.get(customer(c), c.pathUuid("id")))
                .get("/v1/agents", c -> agents.list(customer(c), c.query("status").orElse(null),
                        c.query("skill").orElse(null), PageQuery.of(pageSize(c), c.query("page_token").orElse(null))));
    }

    private static UUID customer(RpcCall<?> call) {
        String value = call.query("customer_id")
                .orElseThrow(() -> ApiException.invalidField("customer_id", "required"));
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw ApiException.invalidField("customer_id", "not a UUID: " + value);
        }
    }

    private static Integer pageSize(RpcCall<?> call) {
        try {
            return call.query("page_size").map(Integer::valueOf).orElse(null);
        } catch (NumberFormatException e) {
            throw ApiException.invalidField("page_size", "must be a number");
        }
    }
}
