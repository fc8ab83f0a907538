package net.voipbin.campaignmanager.dialing;

import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import net.voipbin.campaignmanager.campaign.CampaignRuns;
import net.voipbin.campaignmanager.config.CampaignProperties;

/**
 * The scheduler: one thread per instance that runs pacing steps for whichever running campaigns are due
 * (not one timer per target or per campaign), every {@code pace-interval} and at once when an attempt
 * ends ({@link #wake}). Each instance takes any due campaign the others are not pacing right now.
 */
@Component
class Pacer implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(Pacer.class);
    /** Steps per round at most, so one busy campaign cannot keep the thread from the next round's checks. */
    private static final int MAX_STEPS = 200;

    private final PaceStep step;
    private final PaceStore store;
    private final Dialer dialer;
    private final CampaignRuns runs;
    private final CampaignProperties properties;
    private final Clock clock;
    private final AtomicBoolean wakePending = new AtomicBoolean();
    private volatile ScheduledExecutorService thread;

    Pacer(PaceStep step, PaceStore store, Dialer dialer, CampaignRuns runs, CampaignProperties properties, Clock clock) {
        this.step = step;
        this.store = store;
        this.dialer = dialer;
        this.runs = runs;
        this.properties = properties;
        this.clock = clock;
    }

    /** An attempt of the campaign ended: pace it now rather than at the next round. */
    @EventListener
    void wake(AttemptEnded ended) {
        wake(ended.campaignId());
    }

    /** A call of the campaign got its agent or left its queue: a queue-mode campaign may dial again. */
    @EventListener
    void wake(QueueMoved moved) {
        wake(moved.campaignId());
    }

    private void wake(java.util.UUID campaignId) {
        store.wake(campaignId, clock.instant());
        ScheduledExecutorService t = thread;
        if (t != null && wakePending.compareAndSet(false, true)) {
            t.execute(() -> {
                wakePending.set(false);
                round();
            });
        }
    }

    private void round() {
        try {
            for (int i = 0; i < MAX_STEPS; i++) {
                Optional<PaceStep.Result> result = step.run();
                if (result.isEmpty()) {
                    return;
                }
                PaceStep.Result r = result.get();
                r.claimed().forEach(row -> dialer.dial(row, r.campaign(), r.plan()));
                if (r.nextCampaign() != null) {
                    runs.startNext(r.campaign().id(), r.nextCampaign());
                }
            }
        } catch (RuntimeException e) {
            log.warn("pacing round failed, next round in {}: {}", properties.paceInterval(), e.toString());
        }
    }

    @Override
    public void start() {
        thread = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("campaign-pacer").daemon().factory());
        long period = properties.paceInterval().toMillis();
        thread.scheduleWithFixedDelay(this::round, period, period, TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        ScheduledExecutorService t = thread;
        thread = null;
        if (t != null) {
            t.shutdownNow();
        }
    }

    @Override
    public boolean isRunning() {
        return thread != null;
    }
}
