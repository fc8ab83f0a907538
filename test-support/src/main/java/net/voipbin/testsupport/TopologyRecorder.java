package net.voipbin.testsupport;

import org.springframework.amqp.core.Declarable;
import org.springframework.amqp.core.Declarables;
import org.springframework.amqp.core.Exchange;
import org.springframework.amqp.core.Queue;
import org.springframework.beans.factory.config.BeanPostProcessor;

/** Records every queue and exchange a test context declares inside a test namespace ({@code t...}). */
public final class TopologyRecorder implements BeanPostProcessor {

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof Declarables declarables) {
            declarables.getDeclarables().forEach(TopologyRecorder::record);
        } else if (bean instanceof Declarable declarable) {
            record(declarable);
        }
        return bean;
    }

    private static void record(Declarable declarable) {
        if (declarable instanceof Queue queue && isTestName(queue.getName())) {
            TopologyCleanup.remember(queue.getName());
        } else if (declarable instanceof Exchange exchange && isTestName(exchange.getName())) {
            TopologyCleanup.rememberExchange(exchange.getName());
        }
    }

    private static boolean isTestName(String name) {
        return name.matches("t[0-9a-f]{10}\\..*");
    }
}
