package net.voipbin.campaignmanager.dialing;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import net.voipbin.campaignmanager.campaigncall.CampaigncallStore;
import net.voipbin.contract.campaignmanager.CampaignManagerEvents;
import net.voipbin.contract.queuemanager.QueueManagerClient;
import net.voipbin.contract.queuemanager.QueueManagerEvents;
import net.voipbin.contract.queuemanager.Queuecall;
import net.voipbin.rpc.event.EventPublisher;
import net.voipbin.rpc.event.EventSubscriber;
import net.voipbin.rpc.event.EventSubscriptions;

/**
 * queue-manager's account of our answered calls in a queue (the queuecall's {@code reference_id} is the call):
 * joined, connected to an agent, left unserved. It is what the abandon rate is measured from, and what frees a
 * queue-mode campaign to dial again. Stored as timestamps kept once set, so events in any order, twice, or from any
 * instance give the same rows; a queuecall of a call that is not ours changes nothing.
 */
@Component
class QueuecallEventSubscriber implements EventSubscriber {

    private static final Logger log = LoggerFactory.getLogger(QueuecallEventSubscriber.class);

    private final CampaigncallStore calls;
    private final EventPublisher events;
    private final ApplicationEventPublisher signals;
    private final TransactionTemplate tx;
    private final Clock clock;

    QueuecallEventSubscriber(CampaigncallStore calls, EventPublisher events, ApplicationEventPublisher signals,
            TransactionTemplate tx, Clock clock) {
        this.calls = calls;
        this.events = events;
        this.signals = signals;
        this.tx = tx;
        this.clock = clock;
    }

    @Override
    public void subscriptions(EventSubscriptions s) {
        s.on(QueueManagerClient.SERVICE, QueueManagerEvents.QUEUECALL_CREATED, Queuecall.class, this::joined)
                .on(QueueManagerClient.SERVICE, QueueManagerEvents.QUEUECALL_WAITING, Queuecall.class, this::joined)
                .on(QueueManagerClient.SERVICE, QueueManagerEvents.QUEUECALL_CONNECTED, Queuecall.class, this::served)
                .on(QueueManagerClient.SERVICE, QueueManagerEvents.QUEUECALL_DONE, Queuecall.class, this::served)
                .on(QueueManagerClient.SERVICE, QueueManagerEvents.QUEUECALL_TIMEOUT, Queuecall.class, this::left)
                .on(QueueManagerClient.SERVICE, QueueManagerEvents.QUEUECALL_ABANDONED, Queuecall.class, this::abandoned);
    }

    private void joined(Queuecall q) {
        progress(q, at(q.tmCreate()), null, null);
    }

    private void served(Queuecall q) {
        progress(q, at(q.tmCreate()), at(q.tmConnect()), null).ifPresent(this::wake);
    }

    private void left(Queuecall q) {
        progress(q, at(q.tmCreate()), null, at(q.tmEnd())).ifPresent(this::wake);
    }

    /**
     * The caller hung up in the queue. Their call_hungup may have ended the attempt first as a success (it was
     * answered): it was abandoned, and is said so now.
     */
    private void abandoned(Queuecall q) {
        Optional<UUID> campaign = tx.execute(s -> {
            Optional<UUID> ours = progress(q, at(q.tmCreate()), null, at(q.tmEnd()));
            calls.abandonedAfterEnd(q.referenceId(), clock.instant()).flatMap(calls::find).ifPresent(row -> {
                log.info("campaigncall {} of campaign {} abandoned in queue {}", row.id(), row.campaignId(), q.queueId());
                events.publish(CampaignManagerEvents.CAMPAIGNCALL_UPDATED, row.toCampaigncall());
            });
            return ours;
        });
        campaign.ifPresent(this::wake);
    }

    private Optional<UUID> progress(Queuecall q, Instant queued, Instant agent, Instant left) {
        if (q.referenceId() == null || !"call".equals(q.referenceType())) {
            return Optional.empty();
        }
        return calls.queueProgress(q.referenceId(), queued, agent, left);
    }

    private void wake(UUID campaignId) {
        signals.publishEvent(new QueueMoved(campaignId));
    }

    private Instant at(Instant instant) {
        return instant == null ? clock.instant() : instant;
    }
}
