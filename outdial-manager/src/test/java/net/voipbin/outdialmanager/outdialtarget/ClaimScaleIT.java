package net.voipbin.outdialmanager.outdialtarget;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import net.voipbin.contract.outdialmanager.ClaimRequests;
import net.voipbin.contract.outdialmanager.ClaimRequests.AttemptOutcome;
import net.voipbin.contract.outdialmanager.TargetClaim;
import net.voipbin.outdialmanager.support.OutdialManagerITBase;

/**
 * The claim on an outdial of 100 000 targets stays an index range read: fresh, and again when 90 % of
 * them are finished (they leave the partial index) or waiting for a retry far ahead.
 */
class ClaimScaleIT extends OutdialManagerITBase {

    private static final int TARGETS = 100_000;

    @Autowired
    private JdbcClient jdbc;

    @Autowired
    private ClaimService claims;

    @Test
    void claimingFromAHundredThousandTargetsReadsTheDueIndexAndStaysFast() {
        UUID outdial = createOutdial("100k");
        jdbc.sql("""
                INSERT INTO outdialtargets (id, customer_id, outdial_id, name, destinations, try_counts, status, time_zone,
                    next_try_at, version, tm_create, tm_update)
                SELECT gen_random_uuid(), :customer, :outdial, 't' || g, ARRAY['+1650' || (4000000 + g)], ARRAY[0],
                    'IDLE', 'America/Los_Angeles', now() - interval '1 hour' + g * interval '1 ms', 0, now(), now()
                FROM generate_series(1, :n) g""")
                .param("customer", customer).param("outdial", outdial).param("n", TARGETS).update();
        jdbc.sql("ANALYZE outdialtargets").update();

        assertThat(plan(outdial, "")).contains("outdialtargets_due").doesNotContain("Seq Scan");
        String freshQuery = executionTime(outdial);
        long fresh = medianClaimMicros(outdial);

        // 90 % finished and 9 % waiting for a retry tomorrow: the claim still finds the 1 % due at once.
        jdbc.sql("UPDATE outdialtargets SET status = 'DONE' WHERE outdial_id = :outdial AND status = 'IDLE' "
                        + "AND name::text NOT LIKE '%0' AND name::text NOT LIKE '%5'")
                .param("outdial", outdial).update();
        jdbc.sql("UPDATE outdialtargets SET next_try_at = now() + interval '1 day' WHERE outdial_id = :outdial "
                        + "AND status = 'IDLE' AND name LIKE '%5'")
                .param("outdial", outdial).update();
        jdbc.sql("ANALYZE outdialtargets").update();
        assertThat(plan(outdial, "")).contains("outdialtargets_due").doesNotContain("Seq Scan");
        String mostlyDoneQuery = executionTime(outdial);
        long mostlyDone = medianClaimMicros(outdial);

        System.out.printf("FIGURE claim+report (two transactions, two events) of one target among %d: median %d us "
                + "(all idle), %d us (90%% done, 9%% due tomorrow); the locking query alone: %s, %s%n", TARGETS, fresh,
                mostlyDone, freshQuery, mostlyDoneQuery);
        assertThat(fresh).isLessThan(50_000);
        assertThat(mostlyDone).isLessThan(50_000);
    }

    /** 200 claims of one target each, every one reported done at once; the median of claim + report. */
    private long medianClaimMicros(UUID outdial) {
        List<Long> micros = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            long start = System.nanoTime();
            TargetClaim claim = claims.claim(outdial, new ClaimRequests.Claim(List.of(1), 60_000L, 1)).claims().getFirst();
            claims.report(claim.target().id(), new ClaimRequests.Outcome(claim.claimId(), AttemptOutcome.DONE, null, null));
            micros.add((System.nanoTime() - start) / 1000);
        }
        Collections.sort(micros);
        return micros.get(micros.size() / 2);
    }

    private String executionTime(UUID outdial) {
        return plan(outdial, "(ANALYZE)").lines().filter(l -> l.startsWith("Execution Time")).findFirst().orElse("?");
    }

    private String plan(UUID outdial, String options) {
        return String.join("\n", jdbc.sql("EXPLAIN " + options + """
                 SELECT id, destinations, try_counts FROM outdialtargets
                WHERE outdial_id = :outdial AND tm_delete IS NULL AND status IN ('IDLE', 'PROGRESSING')
                  AND next_try_at <= now()
                ORDER BY next_try_at, seq LIMIT 1 FOR UPDATE SKIP LOCKED""")
                .param("outdial", outdial).query(String.class).list());
    }
}
