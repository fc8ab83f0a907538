package net.voipbin.agentmanager.offer;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Service;

import net.voipbin.agentmanager.agent.AgentStatusService;
import net.voipbin.agentmanager.config.AgentManagerProperties;
import net.voipbin.contract.agentmanager.Agent;
import net.voipbin.contract.agentmanager.OfferRequests;

/** What became of an offer, as queue-manager reports it; defaults from the settings. */
@Service
class OfferService {

    private final AgentStatusService statuses;
    private final AgentManagerProperties properties;

    OfferService(AgentStatusService statuses, AgentManagerProperties properties) {
        this.statuses = statuses;
        this.properties = properties;
    }

    Agent answered(UUID agentId, OfferRequests.Answered report) {
        return statuses.answer(report.customerId(), agentId, report.reservationId());
    }

    Agent ringing(UUID agentId, OfferRequests.Ringing report) {
        return statuses.ringLonger(report.customerId(), agentId, report.reservationId(),
                Duration.ofSeconds(report.ringTimeoutSeconds()));
    }

        Agent missed(UUID agentId, OfferRequests.Missed report) {
        int awayAfter = report.awayAfterMisses() == null ? properties.awayAfterMisses() : report.awayAfterMisses();
        return statuses.miss(report.customerId(), agentId, report.reservationId(), awayAfter);
    }

    Agent ended(UUID agentId, OfferRequests.Ended report) {
        Duration wrapUp = Duration.ofSeconds(report.wrapUpSeconds() == null ? 0 : report.wrapUpSeconds());
        return statuses.end(report.customerId(), agentId, report.reservationId(), wrapUp);
    }

    List<Agent> release(UUID reservationId, OfferRequests.Release request) {
        return statuses.release(request.customerId(), reservationId);
    }
}
