package net.voipbin.campaignmanager.dnc;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

import net.voipbin.campaignmanager.number.PhoneNumbers;
import net.voipbin.rpc.error.ApiException;
import net.voipbin.rpc.rest.Page;
import net.voipbin.rpc.rest.PageCursor;
import net.voipbin.rpc.rest.PageQuery;

/** The customers' do-not-call lists, and the check the dialer makes right before each dial. */
@Service
public class DncService {

    private static final Logger log = LoggerFactory.getLogger(DncService.class);
    private static final Instant END_OF_TIME = Instant.parse("9999-12-31T00:00:00Z");

    private final DncRepository entries;
    private final PhoneNumbers numbers;
    private final Clock clock;

    DncService(DncRepository entries, PhoneNumbers numbers, Clock clock) {
        this.entries = entries;
        this.numbers = numbers;
        this.clock = clock;
    }

    /** True when {@code e164} is on the customer's list (numbers are compared in E.164). */
    public boolean listed(UUID customerId, String e164) {
        return entries.listed(customerId, e164);
    }

    DncEntry add(UUID customerId, DncRequests.Create request) {
        String number = numbers.e164("number", request.number());
        try {
            DncEntry added = entries.save(DncEntity.create(customerId, number, request.note(), clock.instant())).toEntry();
            log.info("dnc {} added for customer {}", number, customerId);
            return added;
        } catch (DuplicateKeyException e) {
            throw ApiException.conflict("dnc_exists", number + " is already on the do-not-call list");
        }
    }

    DncEntry get(UUID customerId, UUID id) {
        return entity(customerId, id).toEntry();
    }

    DncEntry update(UUID customerId, UUID id, DncRequests.Update request) {
        DncEntity entry = entity(customerId, id);
        entry.note(request.note(), clock.instant());
        return entries.save(entry).toEntry();
    }

    Page<DncEntry> list(UUID customerId, String number, PageQuery page) {
        String wanted = number == null || number.isBlank() ? null : numbers.e164("number", number);
        List<DncEntry> rows = entries.page(customerId, wanted, page.cursor().map(PageCursor::tmCreate).orElse(END_OF_TIME),
                page.cursor().map(PageCursor::id).orElse(new UUID(-1L, -1L)), page.pageSize() + 1)
                .stream().map(DncEntity::toEntry).toList();
        return Page.of(rows, page.pageSize(), d -> new PageCursor(d.tmCreate(), d.id()));
    }

    void remove(UUID customerId, UUID id) {
        if (entries.remove(id, customerId) == 0) {
            throw ApiException.notFound("dnc " + id);
        }
    }

    private DncEntity entity(UUID customerId, UUID id) {
        return entries.find(id, customerId).orElseThrow(() -> ApiException.notFound("dnc " + id));
    }
}
