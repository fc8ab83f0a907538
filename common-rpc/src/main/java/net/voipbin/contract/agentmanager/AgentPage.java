package net.voipbin.contract.agentmanager;

import java.util.List;

/** One page of {@code GET /v1/agents}, newest first; {@code next_page_token} null on the last page. */
public record AgentPage(List<Agent> result, String nextPageToken) {

    public AgentPage {
        result = result == null ? List.of() : List.copyOf(result);
    }
}
