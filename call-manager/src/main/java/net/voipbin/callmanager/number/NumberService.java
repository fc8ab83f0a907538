package net.voipbin.callmanager.number;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import net.voipbin.contract.callmanager.CallManagerEvents;

import net.voipbin.rpc.cache.ReadCache;
import net.voipbin.rpc.error.ApiException;
import net.voipbin.rpc.event.EventPublisher;
import net.voipbin.rpc.rest.Page;
import net.voipbin.rpc.rest.PageCursor;
import net.voipbin.rpc.rest.PageQuery;

/** Numbers: the customer's CRUD and the inbound routing lookup (dialed number → customer and flow). */
@Service
public class NumberService {

    /** Routes kept in memory: every inbound call reads one, and numbers change rarely. */
    private static final int CACHED_ROUTES = 100_000;
    /**
     * Every instance drops its routes on any instance's number event ({@link NumberRouteInvalidation});
     * the age limit bounds how long a change goes unseen if that event is missed (the instance's
     * connection to the broker was down when it went out).
     */
    static final Duration ROUTE_MAX_AGE = Duration.ofSeconds(10);

    private final NumberRepository numbers;
    private final EventPublisher events;
    private final TransactionTemplate tx;
    private final ReadCache<String, PhoneNumber> routes = new ReadCache<>(CACHED_ROUTES, ROUTE_MAX_AGE);

    NumberService(NumberRepository numbers, EventPublisher events, TransactionTemplate tx) {
        this.numbers = numbers;
        this.events = events;
        this.tx = tx;
    }

    /** Another instance changed a number: routes are read again. */
    void forgetRoutes() {
        routes.invalidateAll();
    }

    /**
     * The live number a call dialed. Asterisk reports the dialed extension as the trunk sent it, with or
     * without the leading {@code +}; both forms find the E.164 number.
     */
    public Optional<PhoneNumber> route(String dialed) {
        if (dialed == null || dialed.isBlank()) {
            return Optional.empty();
        }
        String trimmed = dialed.trim();
        return routes.find(trimmed, () -> numbers.findLive(trimmed).or(() -> trimmed.startsWith("+")
                ? Optional.empty() : numbers.findLive("+" + trimmed)));
    }

    PhoneNumber create(UUID customerId, NumberRequests.Create request) {
        Optional<PhoneNumber> created = tx.execute(status -> announced(CallManagerEvents.NUMBER_CREATED,
                numbers.insert(UUID.randomUUID(), customerId, request.number(), request.flowId(), request.name())));
        routes.invalidateAll();
        return created.orElseThrow(() -> ApiException.conflict("number_taken",
                "number " + request.number() + " is already in use"));
    }

    PhoneNumber get(UUID customerId, UUID id) {
        return numbers.find(customerId, id).orElseThrow(() -> ApiException.notFound("number " + id));
    }

    Page<PhoneNumber> list(UUID customerId, PageQuery page) {
        return Page.of(numbers.list(customerId, page), page.pageSize(), n -> new PageCursor(n.tmCreate(), n.id()));
    }

    PhoneNumber update(UUID customerId, UUID id, NumberRequests.Update request) {
        Optional<PhoneNumber> updated = tx.execute(status -> announced(CallManagerEvents.NUMBER_UPDATED,
                numbers.update(customerId, id, request.flowId(), request.name())));
        routes.invalidateAll();
        return updated.orElseThrow(() -> ApiException.notFound("number " + id));
    }

    void delete(UUID customerId, UUID id) {
        Optional<PhoneNumber> deleted = tx.execute(status -> announced(CallManagerEvents.NUMBER_DELETED,
                numbers.find(customerId, id).filter(number -> numbers.delete(customerId, id))));
        routes.invalidateAll();
        if (deleted.isEmpty()) {
            throw ApiException.notFound("number " + id);
        }
    }

    private Optional<PhoneNumber> announced(String type, Optional<PhoneNumber> changed) {
        changed.ifPresent(number -> events.publish(type, number));
        return changed;
    }
}
