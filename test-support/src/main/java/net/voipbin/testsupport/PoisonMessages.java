package net.voipbin.testsupport;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.GetResponse;

/** Messages no consumer can take, and reading back where they were parked, for the poison-message tests. */
public final class PoisonMessages {

    /** Over the AMQP client's default inbound limit (64 MiB), under the broker's. */
    public static final int HUGE = 70 * 1024 * 1024;
    /** The header a parked message's error travels in (common-rpc's {@code EventConsumer.ERROR_HEADER}). */
    private static final String ERROR_HEADER = "x-voipbin-error";
    private static final long WAIT_MILLIS = 30_000;

    private PoisonMessages() {
    }

    /** {@code marker} followed by {@link #HUGE} bytes of spaces. */
    public static byte[] huge(String marker) {
        byte[] head = marker.getBytes(StandardCharsets.UTF_8);
        byte[] body = Arrays.copyOf(head, HUGE + head.length);
        Arrays.fill(body, head.length, body.length, (byte) ' ');
        return body;
    }

    /** A client that reads back a parked {@link #huge} body, more than its library accepts by default. */
    public static ConnectionFactory bigMessageClient() {
        ConnectionFactory factory = TestInfra.rabbit().connectionFactory();
        factory.setMaxInboundMessageBodySize(2 * HUGE);
        return factory;
    }

    /**
     * The errors of the messages parked in {@code deadQueue} with {@code marker} near the start of their
     * body, taken off the queue; waits up to 30 s for {@code count} of them and fails without.
     */
    public static List<String> parkedErrors(String deadQueue, String marker, int count) throws Exception {
        try (Connection connection = bigMessageClient().newConnection(); Channel channel = connection.createChannel()) {
            return parkedErrors(channel, deadQueue, marker, count);
        }
    }

    public static List<String> parkedErrors(Channel channel, String deadQueue, String marker, int count)
            throws Exception {
        List<String> errors = new ArrayList<>();
        long deadline = System.currentTimeMillis() + WAIT_MILLIS;
        while (errors.size() < count && System.currentTimeMillis() < deadline) {
            GetResponse got = channel.basicGet(deadQueue, true);
            if (got == null) {
                Thread.sleep(100);
                continue;
            }
            byte[] body = got.getBody();
            if (new String(body, 0, Math.min(body.length, 200), StandardCharsets.UTF_8).contains(marker)) {
                errors.add(String.valueOf(got.getProps().getHeaders().get(ERROR_HEADER)));
            }
        }
        if (errors.size() != count) {
            throw new AssertionError(count + " messages marked " + marker + " parked in " + deadQueue
                    + " expected, found " + errors);
        }
        return errors;
    }
}
