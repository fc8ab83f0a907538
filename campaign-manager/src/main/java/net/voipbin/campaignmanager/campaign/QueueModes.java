package net.voipbin.campaignmanager.campaign;

import java.util.UUID;

import org.springframework.stereotype.Component;

import net.voipbin.contract.campaignmanager.Campaign;
import net.voipbin.contract.queuemanager.QueueManagerClient;
import net.voipbin.rpc.error.ApiException;

/**
 * What a queue mode (progressive, predictive) needs: a call campaign (a flow campaign makes no call for an agent to
 * take) and a queue of the customer's, asked of queue-manager (another customer's or an unknown queue is 404).
 * Power mode keeps today's rule: a {@code queue_id} is stored as given.
 */
@Component
class QueueModes {

    private final QueueManagerClient queues;

    QueueModes(QueueManagerClient queues) {
        this.queues = queues;
    }

    void check(UUID customerId, CampaignSettings s) {
        if (s.dialingMode() == Campaign.DialingMode.POWER) {
            return;
        }
        String mode = s.dialingMode().name().toLowerCase(java.util.Locale.ROOT);
        if (s.queueId() == null) {
            throw ApiException.invalidField("queue_id", "dialing_mode " + mode + " paces on a queue's agents: give queue_id");
        }
        if (s.type() != Campaign.Type.CALL) {
            throw ApiException.invalidField("dialing_mode", mode + " needs a campaign of type call (a flow campaign makes no call)");
        }
        queues.capacity(customerId, s.queueId());
    }
}
