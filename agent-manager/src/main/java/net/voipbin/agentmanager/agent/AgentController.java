package net.voipbin.agentmanager.agent;

import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import net.voipbin.contract.agentmanager.Agent;
import net.voipbin.rpc.error.ApiException;
import net.voipbin.rpc.rest.Customer;
import net.voipbin.rpc.rest.Page;
import net.voipbin.rpc.rest.PageQuery;

/**
 * {@code /v1.0/agents}: the customer's agents. {@code PUT /{id}/status} is the agent's self-service (the
 * customer's token: the agent's app or desk phone integration acts for the customer).
 */
@RestController
@RequestMapping("/v1.0/agents")
class AgentController {

    private final AgentService agents;
    private final AgentStatusService statuses;

    AgentController(AgentService agents, AgentStatusService statuses) {
        this.agents = agents;
        this.statuses = statuses;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Agent create(Customer customer, @RequestBody AgentRequests.Create request) {
        return agents.create(customer.id(), request);
    }

    @GetMapping
    Page<Agent> list(Customer customer, PageQuery page, @RequestParam(required = false) String status,
            @RequestParam(required = false) String skill) {
        return agents.list(customer.id(), status, skill, page);
    }

    @GetMapping("/{id}")
    Agent get(Customer customer, @PathVariable UUID id) {
        return agents.get(customer.id(), id);
    }

    @PutMapping("/{id}")
    Agent update(Customer customer, @PathVariable UUID id, @RequestBody AgentRequests.Update request) {
        return agents.update(customer.id(), id, request);
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(Customer customer, @PathVariable UUID id) {
        agents.delete(customer.id(), id);
    }

    @PutMapping("/{id}/status")
    Agent status(Customer customer, @PathVariable UUID id, @RequestBody AgentRequests.StatusChange request) {
        if (request.status() == null) {
            throw ApiException.invalidField("status", "required: offline, available or away");
        }
        return statuses.setByAgent(customer.id(), id, request.status());
    }
}
