package net.voipbin.flowmanager.config;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import javax.sql.DataSource;

import org.springframework.amqp.rabbit.listener.AbstractMessageListenerContainer;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.context.ApplicationContext;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.transaction.support.TransactionTemplate;

import net.voipbin.contract.flowmanager.Activeflow;
import net.voipbin.flowmanager.action.FlowValidator;
import net.voipbin.flowmanager.cluster.Leadership;
import net.voipbin.flowmanager.engine.ActionEngine;
import net.voipbin.flowmanager.engine.ActionExecutor;
import net.voipbin.flowmanager.engine.ActiveflowEvents;
import net.voipbin.flowmanager.engine.ActiveflowStore;
import net.voipbin.flowmanager.engine.EarlySignals;
import net.voipbin.flowmanager.engine.EngineProperties;
import net.voipbin.flowmanager.engine.RunningActiveflows;
import net.voipbin.rpc.event.EventPublisher;

/**
 * The engine with its executor table, run by the leader instance ({@link Leadership}): on taking over it
 * picks up the flows the previous leader (or run) left running.
 */
@Configuration
@EnableConfigurationProperties(EngineProperties.class)
class EngineConfiguration {

    private static final List<String> LEADER_ONLY = List.of("rpcServerContainer", "eventSubscriberContainer");

    @Bean
    ActiveflowEvents activeflowEvents(EventPublisher publisher, TransactionTemplate transactions) {
        return new ActiveflowEvents() {
            @Override
            public void publish(String type, Activeflow activeflow) {
                publisher.publish(type, activeflow);
            }

            @Override
            public void atomically(Runnable change) {
                transactions.executeWithoutResult(status -> change.run());
            }
        };
    }

    /** Up to 10 s and 10000 early events: answers and hangups of calls nobody waits for yet. */
    @Bean
    EarlySignals earlySignals(Clock clock) {
        return new EarlySignals(clock, Duration.ofSeconds(10), 10_000);
    }

    /** Filled when this instance becomes the leader, before it consumes anything. */
    @Bean
    RunningActiveflows runningActiveflows(ActiveflowStore store) {
        return RunningActiveflows.empty(store);
    }

    @Bean
    ActionEngine actionEngine(RunningActiveflows activeflows, List<ActionExecutor> executors, ActiveflowEvents events,
            FlowValidator validator, EngineProperties properties, Clock clock, EarlySignals early) {
        return new ActionEngine(activeflows, executors, events, validator, properties, clock, early);
    }

    /** Only the leader consumes: the RPC server and the event subscriber start when it leads. */
    @Bean
    static BeanPostProcessor leaderOnlyConsumers() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String name) {
                if (LEADER_ONLY.contains(name) && bean instanceof AbstractMessageListenerContainer container) {
                    container.setAutoStartup(false);
                }
                return bean;
            }
        };
    }

    @Bean
    Leadership leadership(DataSourceProperties database, Environment environment, RunningActiveflows activeflows,
            ActionEngine engine, ApplicationContext context, EngineProperties properties) {
        Leadership.Duties duties = new Leadership.Duties() {
            @Override
            public void takeOver() {
                activeflows.reload();
                engine.recover();
            }

            @Override
            public void handOver() {
                activeflows.clear();
            }
        };
        // Not from the pool: the lock holds its connection for the life of the instance.
        DataSource ownConnection = database.initializeDataSourceBuilder().type(SimpleDriverDataSource.class).build();
        String lockName = "voipbin.flow-manager.leader:" + environment.getProperty("spring.datasource.hikari.schema", "");
        return new Leadership(ownConnection, lockName, duties, () -> LEADER_ONLY.stream()
                .map(name -> (SmartLifecycle) context.getBean(name, AbstractMessageListenerContainer.class)).toList(),
                properties.leaderCheckInterval());
    }
}
