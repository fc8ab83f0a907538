package net.voipbin.flowmanager.activeflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import net.voipbin.contract.flowmanager.Activeflow;
import net.voipbin.flowmanager.engine.ActiveflowState;
import net.voipbin.flowmanager.engine.TestContexts;
import net.voipbin.flowmanager.engine.Wait;
import net.voipbin.rpc.json.Json;
import net.voipbin.testsupport.Postgres;
import net.voipbin.testsupport.TestInfra;

/** The engine's writes on real PostgreSQL, migrated as the service migrates it: what a restart reads back. */
class ActiveflowRepositoryIT {

    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MICROS);
    private static ActiveflowRepository repository;

    @BeforeAll
    static void migrate() {
        Postgres db = TestInfra.postgres();
        String schema = TestInfra.uniqueSchema("flow-manager-repo");
        Flyway.configure().dataSource(db.jdbcUrl(), db.user(), db.password()).schemas(schema)
                .locations("classpath:db/migration/flow_manager").load().migrate();
        DriverManagerDataSource source = new DriverManagerDataSource(db.jdbcUrl(), db.user(), db.password());
        source.setSchema(schema);
        repository = new ActiveflowRepository(JdbcClient.create(source), Json.newMapper());
    }

    private static ActiveflowState created() {
        ActiveflowState state = new ActiveflowState(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(),
                Activeflow.ReferenceType.CALL, UUID.randomUUID(),
                List.of(TestContexts.action("a", "answer", "{}"), TestContexts.action("h", "hangup", "{}")), "a",
                Activeflow.Status.RUNNING, Map.of("voipbin.call.digits", ""), Map.of(), 0, null, null, NOW, NOW, null);
        repository.insert(state);
        return state;
    }

    @Test
    void aStepThatChangesOnlyTheWaitIsReadBackWhole() {
        ActiveflowState stored = created();
        ActiveflowState waiting = stored.executed(stored.variables(), stored.gotoCounts(), true)
                .withWait(Wait.answer(stored.referenceId()), NOW.plusMillis(5));

        repository.save(waiting, stored);

        assertThat(repository.find(stored.id())).contains(waiting);
        assertThat(repository.running()).contains(waiting);
    }

    @Test
    void replacedActionsNewVariablesAndCountersAreWritten() {
        ActiveflowState stored = created();
        ActiveflowState changed = stored.executed(Map.of("voipbin.call.digits", "7"), Map.of("loop", 2), true)
                .withActions(List.of(TestContexts.action("t", "talk", "{\"text\":\"fetched\"}")), NOW.plusMillis(5));

        repository.save(changed, stored);

        assertThat(repository.find(stored.id())).contains(changed);
    }

    @Test
    void anEndedActiveflowIsNoLongerRunningAndKeepsItsError() {
        ActiveflowState stored = created();
        ActiveflowState ended = stored.ended("answer (action 'a') failed: 503", NOW.plusMillis(5));

        repository.save(ended, null);

        assertThat(repository.find(stored.id())).contains(ended);
        assertThat(repository.running()).extracting(ActiveflowState::id).doesNotContain(stored.id());
    }
}
