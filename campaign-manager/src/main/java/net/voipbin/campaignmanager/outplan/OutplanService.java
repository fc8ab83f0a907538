package net.voipbin.campaignmanager.outplan;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import net.voipbin.campaignmanager.number.PhoneNumbers;
import net.voipbin.contract.campaignmanager.CampaignManagerEvents;
import net.voipbin.contract.campaignmanager.Outplan;
import net.voipbin.rpc.cache.ReadCache;
import net.voipbin.rpc.error.ApiException;
import net.voipbin.rpc.event.EventPublisher;
import net.voipbin.rpc.rest.Page;
import net.voipbin.rpc.rest.PageCursor;
import net.voipbin.rpc.rest.PageQuery;

/** Outplans: a customer's CRUD, and the lookup the dialer makes for a running campaign's plan. */
@Service
public class OutplanService {

    private static final Logger log = LoggerFactory.getLogger(OutplanService.class);
    private static final Instant END_OF_TIME = Instant.parse("9999-12-31T00:00:00Z");
    /** How long an outplan changed on another instance may still be dialled with as it was. */
    static final Duration PLAN_AGE = Duration.ofSeconds(5);

    private final OutplanRepository outplans;
    private final PhoneNumbers numbers;
    private final EventPublisher events;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final ReadCache<UUID, Outplan> plans = new ReadCache<>(10_000, PLAN_AGE);

    OutplanService(OutplanRepository outplans, PhoneNumbers numbers, EventPublisher events, TransactionTemplate tx,
            Clock clock) {
        this.outplans = outplans;
        this.numbers = numbers;
        this.events = events;
        this.tx = tx;
        this.clock = clock;
    }

    Outplan create(UUID customerId, OutplanRequests.Create request) {
        checkTries(request.maxTries());
        String source = numbers.e164("source", request.source());
        Outplan created = tx.execute(s -> announce(CampaignManagerEvents.OUTPLAN_CREATED,
                outplans.save(OutplanEntity.create(customerId, request, source, clock.instant()))));
        log.info("outplan {} created for customer {}", created.id(), customerId);
        return created;
    }

    /** 404 unless the customer owns the live outplan. */
    public Outplan get(UUID customerId, UUID id) {
        return entity(customerId, id).toOutplan();
    }

    /**
     * The live outplan whoever owns it (the dialer checked the owner at start), 404 when deleted. Read at every
     * pacing step and attempt end, so kept in memory: this instance's edits invalidate it, another's are seen
     * within {@link #PLAN_AGE}.
     */
    public Outplan get(UUID id) {
        return plans.find(id, () -> outplans.findLive(id).map(OutplanEntity::toOutplan))
                .orElseThrow(() -> ApiException.notFound("outplan " + id));
    }

    Page<Outplan> list(UUID customerId, PageQuery page) {
        List<Outplan> rows = outplans.page(customerId, page.cursor().map(PageCursor::tmCreate).orElse(END_OF_TIME),
                page.cursor().map(PageCursor::id).orElse(new UUID(-1L, -1L)), page.pageSize() + 1)
                .stream().map(OutplanEntity::toOutplan).toList();
        return Page.of(rows, page.pageSize(), o -> new PageCursor(o.tmCreate(), o.id()));
    }

    Outplan update(UUID customerId, UUID id, OutplanRequests.Update request) {
        if (request.maxTries() != null) {
            checkTries(request.maxTries());
        }
        String source = request.source() == null ? null : numbers.e164("source", request.source());
        Outplan changed = tx.execute(s -> {
            OutplanEntity outplan = entity(customerId, id);
            outplan.change(request, source, clock.instant());
            return announce(CampaignManagerEvents.OUTPLAN_UPDATED, outplans.save(outplan));
        });
        // After the commit: invalidated before it, a read in between would have kept the old plan.
        plans.invalidate(id);
        return changed;
    }

    void delete(UUID customerId, UUID id) {
        tx.executeWithoutResult(s -> {
            OutplanEntity outplan = entity(customerId, id);
            outplan.delete(clock.instant());
            announce(CampaignManagerEvents.OUTPLAN_DELETED, outplans.save(outplan));
        });
        plans.invalidate(id);
        log.info("outplan {} of customer {} deleted", id, customerId);
    }

    /** A plan whose slots all have 0 tries would end every target failed without a dial. */
    private static void checkTries(List<Integer> maxTries) {
        if (maxTries.stream().allMatch(n -> n == 0)) {
            throw ApiException.invalidField("max_tries", "at least one slot needs a try");
        }
    }

    private OutplanEntity entity(UUID customerId, UUID id) {
        return outplans.findLive(id, customerId).orElseThrow(() -> ApiException.notFound("outplan " + id));
    }

    private Outplan announce(String type, OutplanEntity entity) {
        Outplan outplan = entity.toOutplan();
        events.publish(type, outplan);
        return outplan;
    }
}
