package net.voipbin.rpc.config;

import org.slf4j.MDC;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageListener;
import org.springframework.amqp.rabbit.listener.api.ChannelAwareMessageListener;

import com.rabbitmq.client.Channel;

import net.voipbin.rpc.trace.Trace;

/**
 * Names the service in the logging MDC ({@code service}) while a consumer handles a message, so every
 * line logged for it, common-rpc's and the framework's included, can be told apart where several
 * services share a JVM and its logs (local mode), or a log store.
 */
final class ServiceTaggedListener implements ChannelAwareMessageListener {

    private final String service;
    private final MessageListener delegate;

    ServiceTaggedListener(String service, MessageListener delegate) {
        this.service = service;
        this.delegate = delegate;
    }

    @Override
    public void onMessage(Message message, Channel channel) throws Exception {
        String previous = tag();
        try {
            if (delegate instanceof ChannelAwareMessageListener aware) {
                aware.onMessage(message, channel);
            } else {
                delegate.onMessage(message);
            }
        } finally {
            restore(previous);
        }
    }

    @Override
    public void onMessage(Message message) {
        String previous = tag();
        try {
            delegate.onMessage(message);
        } finally {
            restore(previous);
        }
    }

    private String tag() {
        String previous = MDC.get(Trace.SERVICE_MDC_KEY);
        MDC.put(Trace.SERVICE_MDC_KEY, service);
        return previous;
    }

    private static void restore(String previous) {
        if (previous == null) {
            MDC.remove(Trace.SERVICE_MDC_KEY);
        } else {
            MDC.put(Trace.SERVICE_MDC_KEY, previous);
        }
    }
}
