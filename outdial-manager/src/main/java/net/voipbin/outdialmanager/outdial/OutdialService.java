package net.voipbin.outdialmanager.outdial;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import net.voipbin.contract.outdialmanager.Outdial;
import net.voipbin.contract.outdialmanager.OutdialManagerEvents;
import net.voipbin.rpc.error.ApiException;
import net.voipbin.rpc.event.EventPublisher;
import net.voipbin.rpc.rest.Page;
import net.voipbin.rpc.rest.PageCursor;
import net.voipbin.rpc.rest.PageQuery;

/**
 * Outdials: a customer's CRUD, and the existence check the target and claim features make. A deleted
 * outdial's targets are not touched: every way to them goes through a live outdial.
 */
@Service
public class OutdialService {

    private static final Logger log = LoggerFactory.getLogger(OutdialService.class);
    private static final Instant END_OF_TIME = Instant.parse("9999-12-31T00:00:00Z");

    private final OutdialRepository outdials;
    private final EventPublisher events;
    private final TransactionTemplate tx;
    private final Clock clock;

    OutdialService(OutdialRepository outdials, EventPublisher events, TransactionTemplate tx, Clock clock) {
        this.outdials = outdials;
        this.events = events;
        this.tx = tx;
        this.clock = clock;
    }

    Outdial create(UUID customerId, OutdialRequests.Create request) {
        Outdial created = tx.execute(status -> announce(OutdialManagerEvents.OUTDIAL_CREATED,
                outdials.save(OutdialEntity.create(UUID.randomUUID(), customerId, request.name().trim(),
                        request.detail() == null ? "" : request.detail(), clock.instant()))));
        log.info("outdial {} created for customer {}", created.id(), customerId);
        return created;
    }

    /** 404 unless the customer owns the live outdial. */
    public Outdial get(UUID customerId, UUID id) {
        return entity(customerId, id).toOutdial();
    }

    /** 404 unless the outdial is live (the dialer's view: it already checked the owner). */
    public Outdial get(UUID id) {
        return outdials.findLive(id).orElseThrow(() -> ApiException.notFound("outdial " + id)).toOutdial();
    }

    Page<Outdial> list(UUID customerId, PageQuery page) {
        List<Outdial> rows = outdials.page(customerId, page.cursor().map(PageCursor::tmCreate).orElse(END_OF_TIME),
                page.cursor().map(PageCursor::id).orElse(new UUID(-1L, -1L)), page.pageSize() + 1)
                .stream().map(OutdialEntity::toOutdial).toList();
        return Page.of(rows, page.pageSize(), o -> new PageCursor(o.tmCreate(), o.id()));
    }

    Outdial update(UUID customerId, UUID id, OutdialRequests.Update request) {
        return tx.execute(status -> {
            OutdialEntity outdial = entity(customerId, id);
            outdial.change(request.name() == null ? null : request.name().trim(), request.detail(), clock.instant());
            return announce(OutdialManagerEvents.OUTDIAL_UPDATED, outdials.save(outdial));
        });
    }

    void delete(UUID customerId, UUID id) {
        tx.executeWithoutResult(status -> {
            OutdialEntity outdial = entity(customerId, id);
            outdial.delete(clock.instant());
            announce(OutdialManagerEvents.OUTDIAL_DELETED, outdials.save(outdial));
        });
        log.info("outdial {} of customer {} deleted", id, customerId);
    }

    private OutdialEntity entity(UUID customerId, UUID id) {
        return outdials.findLive(id, customerId).orElseThrow(() -> ApiException.notFound("outdial " + id));
    }

    private Outdial announce(String type, OutdialEntity entity) {
        Outdial outdial = entity.toOutdial();
        events.publish(type, outdial);
        return outdial;
    }
}
