package net.voipbin.flowmanager.config;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.transaction.support.TransactionTemplate;

import net.voipbin.contract.flowmanager.Activeflow;
import net.voipbin.flowmanager.action.FlowValidator;
import net.voipbin.flowmanager.engine.ActionEngine;
import net.voipbin.flowmanager.engine.ActionExecutor;
import net.voipbin.flowmanager.engine.ActiveflowEvents;
import net.voipbin.flowmanager.engine.ActiveflowStore;
import net.voipbin.flowmanager.engine.EarlySignals;
import net.voipbin.flowmanager.engine.EngineProperties;
import net.voipbin.flowmanager.engine.RunningActiveflows;
import net.voipbin.rpc.event.EventPublisher;

/** The engine with its executor table; on start-up it picks up the flows a previous run left running. */
@Configuration
@EnableConfigurationProperties(EngineProperties.class)
class EngineConfiguration {

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

    /** Loaded while the context starts, so it is complete before the first consumed event asks it. */
    @Bean
    RunningActiveflows runningActiveflows(ActiveflowStore store) {
        return RunningActiveflows.load(store);
    }

    @Bean
    ActionEngine actionEngine(RunningActiveflows activeflows, List<ActionExecutor> executors, ActiveflowEvents events,
            FlowValidator validator, EngineProperties properties, Clock clock, EarlySignals early) {
        return new ActionEngine(activeflows, executors, events, validator, properties, clock, early);
    }

    @EventListener(ApplicationReadyEvent.class)
    void recover(ApplicationReadyEvent ready) {
        ready.getApplicationContext().getBean(ActionEngine.class).recover();
    }
}
