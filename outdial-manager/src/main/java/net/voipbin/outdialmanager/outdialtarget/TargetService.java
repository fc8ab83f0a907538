package net.voipbin.outdialmanager.outdialtarget;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import net.voipbin.contract.outdialmanager.OutdialManagerEvents;
import net.voipbin.contract.outdialmanager.OutdialTarget;
import net.voipbin.contract.outdialmanager.OutdialTargetCounts;
import net.voipbin.contract.outdialmanager.OutdialTargetStatus;
import net.voipbin.contract.outdialmanager.OutdialTargetsImported;
import net.voipbin.outdialmanager.outdial.OutdialService;
import net.voipbin.rpc.error.ApiException;
import net.voipbin.rpc.event.EventPublisher;
import net.voipbin.rpc.rest.Page;
import net.voipbin.rpc.rest.PageCursor;
import net.voipbin.rpc.rest.PageQuery;

/** A customer's targets: one at a time, a bulk import's rows, lists and counts. */
@Service
public class TargetService {

    private static final Logger log = LoggerFactory.getLogger(TargetService.class);
    private static final Instant END_OF_TIME = Instant.parse("9999-12-31T00:00:00Z");

    private final TargetRepository targets;
    private final TargetRows rows;
    private final TargetDrafts drafts;
    private final OutdialService outdials;
    private final EventPublisher events;
    private final TransactionTemplate tx;
    private final Clock clock;

    TargetService(TargetRepository targets, TargetRows rows, TargetDrafts drafts, OutdialService outdials,
            EventPublisher events, TransactionTemplate tx, Clock clock) {
        this.targets = targets;
        this.rows = rows;
        this.drafts = drafts;
        this.outdials = outdials;
        this.events = events;
        this.tx = tx;
        this.clock = clock;
    }

    OutdialTarget create(UUID customerId, UUID outdialId, TargetFields fields, String region) {
        outdials.get(customerId, outdialId);
        TargetDraft draft = drafts.check(fields, region);
        OutdialTarget created = tx.execute(status -> announce(OutdialManagerEvents.OUTDIALTARGET_CREATED,
                targets.save(OutdialTargetEntity.create(UUID.randomUUID(), customerId, outdialId, draft, clock.instant()))));
        log.info("target {} created in outdial {} of customer {}", created.id(), outdialId, customerId);
        return created;
    }

    /**
     * Stores checked targets in one statement and announces them with one {@code outdialtargets_imported}
     * event (a webhook per target of a 10 000-row upload would flood the customer).
     */
    public int importTargets(UUID customerId, UUID outdialId, List<TargetDraft> valid, int rejected, String format) {
        outdials.get(customerId, outdialId);
        Integer imported = tx.execute(status -> {
            int count = valid.isEmpty() ? 0 : rows.insertAll(customerId, outdialId, valid, clock.instant());
            events.publish(OutdialManagerEvents.OUTDIALTARGETS_IMPORTED,
                    new OutdialTargetsImported(UUID.randomUUID(), customerId, outdialId, count, rejected, format));
            return count;
        });
        log.info("{} import into outdial {} of customer {}: {} targets, {} rows refused", format, outdialId,
                customerId, imported, rejected);
        return imported;
    }

    OutdialTarget get(UUID customerId, UUID outdialId, UUID id) {
        outdials.get(customerId, outdialId);
        return view(targets.findOwned(id, outdialId, customerId).orElseThrow(() -> notFound(id)));
    }

    OutdialTarget get(UUID id) {
        return view(targets.findLive(id).orElseThrow(() -> notFound(id)));
    }

    Page<OutdialTarget> list(UUID customerId, UUID outdialId, OutdialTargetStatus status, PageQuery page) {
        outdials.get(customerId, outdialId);
        List<OutdialTarget> found = targets.page(outdialId, status == null ? null : status.name(),
                page.cursor().map(PageCursor::tmCreate).orElse(END_OF_TIME),
                page.cursor().map(PageCursor::id).orElse(new UUID(-1L, -1L)), page.pageSize() + 1)
                .stream().map(this::view).toList();
        return Page.of(found, page.pageSize(), t -> new PageCursor(t.tmCreate(), t.id()));
    }

    /**
     * Present fields change; new destinations without a {@code time_zone} derive it again from the
     * first one.
     */
    OutdialTarget update(UUID customerId, UUID outdialId, UUID id, TargetFields fields, String region) {
        outdials.get(customerId, outdialId);
        List<String> destinations = fields.destinations() == null ? null : drafts.destinations(fields.destinations(), region);
        boolean zoneGiven = fields.timeZone() != null && !fields.timeZone().isBlank();
        String zone = zoneGiven || destinations != null
                ? drafts.zoneOrDerived(zoneGiven ? fields.timeZone() : null,
                        destinations == null ? null : destinations.getFirst()) : null;
        String name = fields.name() == null ? null : TargetDrafts.text("name", fields.name(), 255);
        String detail = fields.detail() == null ? null : TargetDrafts.text("detail", fields.detail(), 1000);
        String data = fields.data() == null ? null : drafts.dataText(fields.data());
        return tx.execute(status -> {
            OutdialTargetEntity target = targets.lockOwned(id, outdialId, customerId).orElseThrow(() -> notFound(id));
            target.edit(name, detail, data, destinations, zone, clock.instant());
            return announce(OutdialManagerEvents.OUTDIALTARGET_UPDATED, targets.save(target));
        });
    }

    void delete(UUID customerId, UUID outdialId, UUID id) {
        outdials.get(customerId, outdialId);
        tx.executeWithoutResult(status -> {
            OutdialTargetEntity target = targets.lockOwned(id, outdialId, customerId).orElseThrow(() -> notFound(id));
            target.delete(clock.instant());
            announce(OutdialManagerEvents.OUTDIALTARGET_DELETED, targets.save(target));
        });
        log.info("target {} of outdial {} deleted", id, outdialId);
    }

    OutdialTargetCounts counts(UUID customerId, UUID outdialId) {
        outdials.get(customerId, outdialId);
        return rows.counts(outdialId);
    }

    OutdialTargetCounts counts(UUID outdialId) {
        outdials.get(outdialId);
        return rows.counts(outdialId);
    }

    OutdialTarget view(OutdialTargetEntity target) {
        return target.toTarget(rows::data);
    }

    OutdialTarget announce(String type, OutdialTargetEntity saved) {
        OutdialTarget target = view(saved);
        events.publish(type, target);
        return target;
    }

    static ApiException notFound(UUID id) {
        return ApiException.notFound("target " + id);
    }
}
