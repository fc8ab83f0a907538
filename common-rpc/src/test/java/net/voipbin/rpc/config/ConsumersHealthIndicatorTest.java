package net.voipbin.rpc.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.boot.health.contributor.Status;

class ConsumersHealthIndicatorTest {

    /** A container whose consumer count the test sets; never started, so it never connects. */
    static final class FakeContainer extends WatchedListenerContainer {
        volatile int active;

        FakeContainer(String queue) {
            super(new CachingConnectionFactory("127.0.0.1"));
            setQueueNames(queue);
            setConsumersPerQueue(4);
        }

        @Override
        public int activeConsumers() {
            return active;
        }
    }

    private final AtomicLong now = new AtomicLong();
    private final FakeContainer requests = new FakeContainer("bin-manager.alpha.request");
    private final ConsumersHealthIndicator health = new ConsumersHealthIndicator(Map.of("rpcServerContainer", requests),
            Duration.ofSeconds(5), now::get);

    @Test
    void aContainerWithConsumersIsUpAndSaysHowMany() {
        requests.active = 3;

        assertThat(health.health().getStatus()).isEqualTo(Status.UP);
        assertThat(health.health().getDetails()).containsEntry("bin-manager.alpha.request", "consuming (3/4)");
    }

    @Test
    void aContainerWithoutConsumersIsUpDuringTheGraceThenDownNamingItsQueue() {
        requests.active = 0;
        assertThat(health.health().getStatus()).isEqualTo(Status.UP);

        now.addAndGet(Duration.ofSeconds(4).toNanos());
        assertThat(health.health().getStatus()).as("a consumer's ordinary recovery").isEqualTo(Status.UP);

        now.addAndGet(Duration.ofSeconds(2).toNanos());
        assertThat(health.health().getStatus()).isEqualTo(Status.DOWN);
        assertThat(health.health().getDetails()).containsEntry("bin-manager.alpha.request", "not consuming for 6000 ms");
    }

    @Test
    void aConsumerBackStartsTheGraceAgain() {
        requests.active = 0;
        health.health();
        now.addAndGet(Duration.ofSeconds(6).toNanos());
        requests.active = 1;
        assertThat(health.health().getStatus()).isEqualTo(Status.UP);

        requests.active = 0;
        now.addAndGet(Duration.ofSeconds(1).toNanos());
        assertThat(health.health().getStatus()).isEqualTo(Status.UP);
    }

    @Test
    void exclusiveConsumersAStandbyIsRefusedAreReportedNotJudged() {
        FakeContainer partitions = new FakeContainer("asterisk.all.event.0");
        partitions.setQueueNames("asterisk.all.event.0", "asterisk.all.event.1", "asterisk.all.event.2");
        partitions.setConsumersPerQueue(1);
        partitions.setStandbyAllowed(true);
        ConsumersHealthIndicator withPartitions = new ConsumersHealthIndicator(Map.of("ariEventContainer", partitions),
                Duration.ofSeconds(5), now::get);
        withPartitions.health();
        now.addAndGet(Duration.ofSeconds(60).toNanos());

        assertThat(withPartitions.health().getStatus()).isEqualTo(Status.UP);
        assertThat(withPartitions.health().getDetails())
                .containsEntry("asterisk.all.event.0 … asterisk.all.event.2", "holding 0 of 3");
    }

    @Test
    void aContainerNotMeantToStartIsNotJudged() {
        requests.setAutoStartup(false);
        requests.active = 0;
        health.health();
        now.addAndGet(Duration.ofSeconds(60).toNanos());

        assertThat(health.health().getStatus()).isEqualTo(Status.UP);
        assertThat(health.health().getDetails()).isEmpty();
    }
}
