package net.voipbin.flowmanager.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

import net.voipbin.contract.flowmanager.Flow;

class FlowCacheTest {

    private final FlowCache cache = new FlowCache(3);
    private final UUID customer = UUID.randomUUID();
    private final AtomicInteger loads = new AtomicInteger();

    private Flow flow(UUID id, String name) {
        return new Flow(id, customer, name, "", List.of(), Instant.EPOCH, Instant.EPOCH);
    }

    private Supplier<Optional<Flow>> loading(Optional<Flow> answer) {
        return () -> {
            loads.incrementAndGet();
            return answer;
        };
    }

    @Test
    void aFlowIsReadOnceAndThenServedFromMemory() {
        Flow stored = flow(UUID.randomUUID(), "ivr");

        cache.find(customer, stored.id(), loading(Optional.of(stored)));
        Optional<Flow> again = cache.find(customer, stored.id(), loading(Optional.of(stored)));

        assertThat(again).contains(stored);
        assertThat(loads.get()).isEqualTo(1);
    }

    @Test
    void anotherCustomerDoesNotGetTheCachedFlow() {
        Flow stored = flow(UUID.randomUUID(), "ivr");
        cache.find(customer, stored.id(), loading(Optional.of(stored)));

        Optional<Flow> other = cache.find(UUID.randomUUID(), stored.id(), loading(Optional.empty()));

        assertThat(other).isEmpty();
        assertThat(loads.get()).isEqualTo(2);
    }

    @Test
    void anUpdatedOrDeletedFlowIsReadAgain() {
        UUID id = UUID.randomUUID();
        cache.find(customer, id, loading(Optional.of(flow(id, "old"))));

        cache.invalidate(customer, id);
        Optional<Flow> updated = cache.find(customer, id, loading(Optional.of(flow(id, "new"))));
        cache.invalidate(customer, id);
        Optional<Flow> deleted = cache.find(customer, id, loading(Optional.empty()));

        assertThat(updated.map(Flow::name)).contains("new");
        assertThat(deleted).isEmpty();
    }

    @Test
    void aReadOvertakenByAnUpdateIsNotKept() {
        UUID id = UUID.randomUUID();

        Optional<Flow> raced = cache.find(customer, id, () -> {
            cache.invalidate(customer, id);
            return Optional.of(flow(id, "old"));
        });
        Optional<Flow> next = cache.find(customer, id, loading(Optional.of(flow(id, "new"))));

        assertThat(raced.map(Flow::name)).contains("old");
        assertThat(next.map(Flow::name)).contains("new");
    }

    @Test
    void aMissingFlowIsNotRemembered() {
        UUID id = UUID.randomUUID();
        cache.find(customer, id, loading(Optional.empty()));

        Optional<Flow> created = cache.find(customer, id, loading(Optional.of(flow(id, "late"))));

        assertThat(created).isPresent();
    }

    @Test
    void aCreatedFlowIsServedWithoutARead() {
        Flow created = flow(UUID.randomUUID(), "inline");
        cache.put(created);

        assertThat(cache.find(customer, created.id(), loading(Optional.empty()))).contains(created);
        assertThat(loads.get()).isZero();
    }

    @Test
    void theCacheStaysWithinItsCapacity() {
        for (int i = 0; i < 10; i++) {
            cache.put(flow(UUID.randomUUID(), "f" + i));
        }

        assertThat(cache.size()).isEqualTo(3);
    }
}
