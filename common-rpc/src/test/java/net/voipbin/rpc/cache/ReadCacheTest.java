package net.voipbin.rpc.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

class ReadCacheTest {

    private final AtomicLong now = new AtomicLong();
    private final ReadCache<String, String> cache = new ReadCache<>(3, Duration.ofSeconds(10), now::get);
    private final AtomicInteger loads = new AtomicInteger();

    private Supplier<Optional<String>> loading(String answer) {
        return () -> {
            loads.incrementAndGet();
            return Optional.ofNullable(answer);
        };
    }

    @Test
    void aRowIsReadOnceAndThenServedFromMemory() {
        cache.find("k", loading("row"));
        Optional<String> again = cache.find("k", loading("row"));

        assertThat(again).contains("row");
        assertThat(loads.get()).isEqualTo(1);
    }

    @Test
    void aChangedOrDeletedRowIsReadAgain() {
        cache.find("k", loading("old"));

        cache.invalidate("k");
        Optional<String> updated = cache.find("k", loading("new"));
        cache.invalidateAll();
        Optional<String> deleted = cache.find("k", loading(null));

        assertThat(updated).contains("new");
        assertThat(deleted).isEmpty();
    }

    @Test
    void aReadOvertakenByAnInvalidationIsNotKept() {
        Optional<String> raced = cache.find("k", () -> {
            cache.invalidate("k");
            return Optional.of("old");
        });
        Optional<String> next = cache.find("k", loading("new"));

        assertThat(raced).contains("old");
        assertThat(next).contains("new");
    }

    @Test
    void aMissingRowIsNotRemembered() {
        cache.find("k", loading(null));

        assertThat(cache.find("k", loading("late"))).contains("late");
    }

    @Test
    void aWrittenValueIsServedWithoutARead() {
        cache.put("k", "written");

        assertThat(cache.find("k", loading(null))).contains("written");
        assertThat(loads.get()).isZero();
    }

    @Test
    void anEntryPastItsMaximumAgeIsReadAgain() {
        cache.find("k", loading("first"));
        now.addAndGet(Duration.ofSeconds(9).toNanos());
        Optional<String> young = cache.find("k", loading("second"));
        now.addAndGet(Duration.ofSeconds(2).toNanos());
        Optional<String> old = cache.find("k", loading("second"));

        assertThat(young).contains("first");
        assertThat(old).contains("second");
        assertThat(loads.get()).isEqualTo(2);
    }

    @Test
    void theCacheStaysWithinItsCapacity() {
        for (int i = 0; i < 10; i++) {
            cache.put("k" + i, "v" + i);
        }

        assertThat(cache.size()).isEqualTo(3);
    }
}
