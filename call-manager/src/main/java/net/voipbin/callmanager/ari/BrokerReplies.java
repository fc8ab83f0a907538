package net.voipbin.callmanager.ari;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Method;
import com.rabbitmq.client.ShutdownSignalException;

/**
 * Reads the broker's refusal out of a failed AMQP call. Brokers differ in how hard they refuse: RabbitMQ
 * closes the channel (406 for a redeclare of another type, 405 for another connection's exclusive
 * queue), Qpid Broker-J closes the whole connection (530 for both), so callers accept either code.
 */
final class BrokerReplies {

    static final int NOT_FOUND = 404;
    static final int RESOURCE_LOCKED = 405;
    static final int PRECONDITION_FAILED = 406;
    static final int NOT_ALLOWED = 530;

    private BrokerReplies() {
    }

    /** Whether the failure is the broker closing the channel or connection with one of {@code codes}. */
    static boolean refusedWith(Throwable failure, int... codes) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ShutdownSignalException signal) {
                int code = replyCode(signal.getReason());
                for (int expected : codes) {
                    if (code == expected) {
                        return true;
                    }
                }
                return false;
            }
        }
        return false;
    }

    private static int replyCode(Method reason) {
        if (reason instanceof AMQP.Channel.Close close) {
            return close.getReplyCode();
        }
        return reason instanceof AMQP.Connection.Close close ? close.getReplyCode() : -1;
    }
}
