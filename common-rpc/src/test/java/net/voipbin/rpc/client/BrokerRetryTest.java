package net.voipbin.rpc.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ConnectException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.amqp.AmqpConnectException;

import net.voipbin.rpc.error.ApiException;

class BrokerRetryTest {

    private final AtomicInteger attempts = new AtomicInteger();

    @Test
    void aRequestTheBrokerDroppedIsSentAgainUntilItIsAnswered() {
        String answer = BrokerRetry.within(Duration.ofSeconds(5), "create", () -> {
            if (attempts.incrementAndGet() < 3) {
                throw new AmqpConnectException(new ConnectException("broker away"));
            }
            return "created";
        });

        assertThat(answer).isEqualTo("created");
        assertThat(attempts).hasValue(3);
    }

    @Test
    void aTimeoutOrAnUnavailableServiceIsTriedAgainButARefusalIsNot() {
        BrokerRetry.within(Duration.ofSeconds(5), "hangup", () -> {
            int n = attempts.incrementAndGet();
            if (n == 1) {
                throw new RpcTimeoutException("q", "POST", "/v1/calls/x/hangup", Duration.ofSeconds(3));
            }
            if (n == 2) {
                throw ApiException.unavailable("starting");
            }
        });
        assertThat(attempts).hasValue(3);

        attempts.set(0);
        assertThatThrownBy(() -> BrokerRetry.within(Duration.ofSeconds(5), "create", () -> {
            attempts.incrementAndGet();
            throw ApiException.notFound("flow");
        })).isInstanceOf(ApiException.class);
        assertThat(attempts).hasValue(1);
    }

    @Test
    void theBudgetBoundsTheWait() {
        long started = System.nanoTime();

        assertThatThrownBy(() -> BrokerRetry.within(Duration.ofMillis(700), "create", () -> {
            attempts.incrementAndGet();
            throw new AmqpConnectException(new ConnectException("broker away"));
        })).isInstanceOf(AmqpConnectException.class);

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(1_500));
        assertThat(attempts.get()).isBetween(2, 4);
    }
}
