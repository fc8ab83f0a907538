package net.voipbin.fakecallmanager;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.context.annotation.Import;

/**
 * call-manager as flow-manager sees it, for integration tests: a real common-rpc service named
 * "call-manager" (its RPC server on the call-manager request queue, its EventPublisher, its subscribe
 * queue for flow-manager's events), with a scriptable {@link CallManagerResponder} instead of Asterisk.
 * Outside flow-manager's package so that flow-manager's component scan never picks it up.
 */
@SpringBootConfiguration
@EnableAutoConfiguration(exclude = {DataSourceAutoConfiguration.class, DataSourceTransactionManagerAutoConfiguration.class,
        FlywayAutoConfiguration.class})
@Import(CallManagerResponder.class)
public class FakeCallManagerApp {
}
