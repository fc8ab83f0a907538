package net.voipbin.webhookmanager.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class BatchWriterTest {

    @Test
    void aWriterIsAnsweredOnceItsBatchCommitsWhileTheFollowUpWorkIsStillWaiting() throws Exception {
        CountDownLatch followUpMayFinish = new CountDownLatch(1);
        List<String> committed = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger followUpsDone = new AtomicInteger();
        try (BatchWriter<String> writer = new BatchWriter<>("test-intake", items -> {
            committed.addAll(items);
            return new BatchWriter.Flushed(new int[items.size()], () -> {
                awaitQuietly(followUpMayFinish);
                followUpsDone.incrementAndGet();
            });
        }, 16, Duration.ZERO, 1)) {
            // The consumer acks when write returns: it must not wait for the first attempts' dispatch.
            assertTimeoutPreemptively(Duration.ofSeconds(5), () -> writer.write("event-1"));

            assertThat(committed).containsExactly("event-1");
            assertThat(followUpsDone).hasValue(0);
            followUpMayFinish.countDown();
            await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(followUpsDone).hasValue(1));
        }
    }

    @Test
    void aFailedCommitFailsItsWritersAndStartsNoFollowUpWork() {
        AtomicInteger followUps = new AtomicInteger();
        try (BatchWriter<String> writer = new BatchWriter<>("test-intake", items -> {
            if (items.contains("poison")) {
                throw new IllegalStateException("database unavailable");
            }
            return new BatchWriter.Flushed(new int[items.size()], followUps::incrementAndGet);
        }, 16, Duration.ZERO, 1)) {
            assertThatThrownBy(() -> writer.write("poison")).hasMessage("database unavailable");
            assertThat(followUps).hasValue(0);

            writer.write("event-2");
            await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(followUps).hasValue(1));
        }
    }

    @Test
    void writesArrivingWhileTheFirstLingersShareItsCommitAndEachLearnsItsOwnCount() throws Exception {
        List<List<String>> batches = Collections.synchronizedList(new ArrayList<>());
        try (BatchWriter<String> writer = new BatchWriter<>("test-intake", items -> {
            batches.add(List.copyOf(items));
            return BatchWriter.Flushed.of(items.stream().mapToInt(String::length).toArray());
        }, 16, Duration.ofMillis(300), 1)) {
            List<CompletableFuture<Integer>> counts = new ArrayList<>();
            for (String item : List.of("a", "bb", "ccc")) {
                counts.add(writer.submit(item));
            }
            assertThat(counts.get(2).get(5, TimeUnit.SECONDS)).isEqualTo(3);
            assertThat(counts.get(0).get()).isEqualTo(1);
            assertThat(counts.get(1).get()).isEqualTo(2);
            assertThat(batches).containsExactly(List.of("a", "bb", "ccc"));
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
