package net.voipbin.rpc.config;

import javax.sql.DataSource;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;

import net.voipbin.rpc.event.OrderedPublisher;
import net.voipbin.rpc.outbox.OutboxRelay;
import net.voipbin.rpc.outbox.OutboxTable;

/**
 * A service with a database publishes its events through the transactional outbox; the
 * {@code event_outbox} table comes from {@code classpath:db/outbox}, which each such service lists in its
 * Flyway locations (see docs/wire.md). A service without one (asterisk-proxy) publishes straight after
 * the change.
 */
@AutoConfiguration(afterName = {
        "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
        "org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration" },
        beforeName = "net.voipbin.rpc.config.WireAutoConfiguration")
@ConditionalOnClass(JdbcTemplate.class)
@ConditionalOnBean(DataSource.class)
@ConditionalOnProperty(prefix = "voipbin.outbox", name = "enabled", matchIfMissing = true)
public class OutboxAutoConfiguration {

    @Bean
    OutboxRelay outboxRelay(DataSource dataSource, @Qualifier("eventOrderedPublisher") OrderedPublisher publisher,
            VoipbinProperties properties) {
        VoipbinProperties.Outbox outbox = properties.outbox();
        return new OutboxRelay(new OutboxTable(new JdbcTemplate(dataSource)), publisher, outbox.staleAfter(),
                outbox.sweepInterval(), outbox.testDropAfterCommit());
    }
}
