package net.voipbin.queuemanager.stats;

import java.util.List;
import java.util.UUID;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import net.voipbin.contract.queuemanager.QueueStats;
import net.voipbin.rpc.rest.Customer;

/** {@code GET /v1.0/queues/{id}/statistics} and {@code GET /v1.0/agent_statistics}. */
@RestController
class StatisticsController {

    private final StatisticsService statistics;

    StatisticsController(StatisticsService statistics) {
        this.statistics = statistics;
    }

    @GetMapping("/v1.0/queues/{id}/statistics")
    QueueStats queue(Customer customer, @PathVariable UUID id) {
        return statistics.queue(customer.id(), id);
    }

    @GetMapping("/v1.0/agent_statistics")
    List<AgentStatistics> agents(Customer customer) {
        return statistics.agents(customer.id());
    }
}
