package net.voipbin.campaignmanager.dialing;

import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import net.voipbin.campaignmanager.config.CampaignProperties;
import net.voipbin.contract.campaignmanager.Campaign;
import net.voipbin.contract.queuemanager.QueueCapacity;
import net.voipbin.contract.queuemanager.QueueManagerClient;
import net.voipbin.rpc.error.ApiException;

/**
 * The queue's share of a pacing step (progressive, predictive): queue-manager is asked for the queue's agents and
 * waiting callers at this instant, inside the step (the campaign row is locked, so every instance paces on one
 * fresh answer, never on a count of its own that may have drifted), and the campaign's rows give its own calls and
 * figures. A queue-manager that does not answer allows no dial: dialling blind for a queue is what abandons calls.
 */
@Component
class QueuePacing {

    private static final Logger log = LoggerFactory.getLogger(QueuePacing.class);

    private final QueueManagerClient queues;
    private final QueueLoad load;
    private final CampaignProperties properties;

    QueuePacing(QueueManagerClient queues, QueueLoad load, CampaignProperties properties) {
        this.queues = queues;
        this.load = load;
        this.properties = properties;
    }

    /** How many more calls the campaign may start for its queue now (power mode: no limit of the queue's). */
    int room(PaceStore.Due c, Instant now) {
        if (c.mode() == Campaign.DialingMode.POWER || c.queueId() == null) {
            return Integer.MAX_VALUE;
        }
        QueueCapacity queue;
        try {
            queue = queues.capacity(c.customerId(), c.queueId());
        } catch (ApiException e) {
            log.warn("campaign {}: queue {} capacity unknown, no dial: {}", c.id(), c.queueId(), e.getMessage());
            return 0;
        }
        DialTarget.Measures measured = c.mode() == Campaign.DialingMode.PREDICTIVE
                ? load.measures(c.id(), properties.predictiveWindow(), now)
                : new DialTarget.Measures(0, 0, 0, 0, 0);
        int room = DialTarget.room(c.mode(), queue, load.pending(c.id()), measured, c.ratio(), c.maxAbandonRate(),
                properties.predictiveMinSamples());
        log.debug("campaign {}: queue {} available {} busy {} waiting {}, measured {}: room {}", c.id(), c.queueId(),
                queue.availableAgents(), queue.busyAgents(), queue.waitingCalls(), measured, room);
        return room;
    }
}
