package net.voipbin.outdialmanager.outdialtarget;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

import net.voipbin.contract.outdialmanager.ClaimRequests;
import net.voipbin.contract.outdialmanager.ClaimRequests.AttemptOutcome;
import net.voipbin.contract.outdialmanager.OutdialTargetCounts;
import net.voipbin.contract.outdialmanager.TargetClaim;
import net.voipbin.contract.outdialmanager.TargetClaims;
import net.voipbin.outdialmanager.OutdialManagerApplication;
import net.voipbin.outdialmanager.support.OutdialManagerITBase;
import net.voipbin.rpc.client.RpcErrorException;
import net.voipbin.testsupport.Http;

/**
 * Many claimers at once on two outdial-manager instances (two application contexts on one schema and
 * one request queue): every target attempt (target, slot, try) is handed out exactly once, and every
 * target goes through all its attempts.
 */
class ClaimConcurrencyIT extends OutdialManagerITBase {

    private static final int TARGETS = 600;
    private static final List<Integer> MAX_TRIES = List.of(2, 1);
    private static final int ATTEMPTS_PER_TARGET = 3;

    @Autowired
    private Environment environment;

    @Autowired
    private ClaimService claimsHere;

    private ConfigurableApplicationContext second;

    @BeforeEach
    void secondInstance() {
        String[] shared = {"spring.datasource.url", "spring.datasource.username", "spring.datasource.password",
                "spring.datasource.hikari.schema", "spring.flyway.schemas", "spring.rabbitmq.addresses",
                "voipbin.amqp.namespace", "voipbin.auth.jwt-secret"};
        // As arguments: they win over application.yml (builder properties would only be defaults).
        List<String> arguments = new ArrayList<>(List.of("--server.port=0"));
        for (String key : shared) {
            arguments.add("--" + key + "=" + environment.getProperty(key));
        }
        second = new SpringApplicationBuilder(OutdialManagerApplication.class).run(arguments.toArray(String[]::new));
    }

    @AfterEach
    void stopSecond() {
        second.close();
    }

    @Test
    void parallelClaimersOnTwoInstancesNeverGetTheSameTargetAttempt() throws Exception {
        UUID outdial = createOutdial("race");
        StringBuilder body = new StringBuilder("[");
        for (int i = 0; i < TARGETS; i++) {
            body.append(i == 0 ? "" : ",").append("{\"destinations\":[\"").append(String.format("+1650%07d", 3_000_000 + i))
                    .append("\",\"+442079460958\"]}");
        }
        read(Http.post(api("/outdials/" + outdial + "/targets/import"), token, body.append(']').toString()), 200);
        ClaimService claimsThere = second.getBean(ClaimService.class);
        // Three ways in: over the broker (either instance's RPC server answers), and straight into each instance.
        List<BiFunction<UUID, ClaimRequests.Claim, TargetClaims>> ways = List.of(dialer::claim, claimsHere::claim,
                claimsThere::claim);
        Map<String, String> handedOut = new ConcurrentHashMap<>();
        Set<String> duplicates = ConcurrentHashMap.newKeySet();
        AtomicInteger attempts = new AtomicInteger();

        long start = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(12);
        List<Future<?>> claimers = new ArrayList<>();
        for (int t = 0; t < 12; t++) {
            BiFunction<UUID, ClaimRequests.Claim, TargetClaims> way = ways.get(t % ways.size());
            String claimer = "claimer-" + t;
            claimers.add(pool.submit(() -> {
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
                while (System.nanoTime() < deadline) {
                    TargetClaims got = way.apply(outdial, new ClaimRequests.Claim(MAX_TRIES, 60_000L,
                            ThreadLocalRandom.current().nextInt(1, 5)));
                    if (got.exhausted()) {
                        return;
                    }
                    for (TargetClaim claim : got.claims()) {
                        String attempt = claim.target().id() + "/" + claim.slot() + "/" + claim.tryNumber();
                        if (handedOut.putIfAbsent(attempt, claimer) != null) {
                            duplicates.add(attempt + " to " + claimer + " and " + handedOut.get(attempt));
                        }
                        attempts.incrementAndGet();
                        try {
                            dialer.report(claim.target().id(), new ClaimRequests.Outcome(claim.claimId(),
                                    AttemptOutcome.RETRY, Instant.now(), MAX_TRIES));
                        } catch (RpcErrorException e) {
                            // Another claimer was handed the same target meanwhile (leases here never lapse).
                            duplicates.add(attempt + ": " + e.getMessage());
                        }
                    }
                }
                throw new AssertionError(claimer + " did not see the outdial exhausted in time");
            }));
        }
        for (Future<?> claimer : claimers) {
            claimer.get(180, TimeUnit.SECONDS);
        }
        pool.shutdown();
        long ms = (System.nanoTime() - start) / 1_000_000;
        System.out.printf("FIGURE %d target attempts claimed and reported by 12 claimers on 2 instances in %d ms "
                + "(%.0f claim+report pairs/s)%n", attempts.get(), ms, attempts.get() * 1000.0 / ms);

        assertThat(duplicates).isEmpty();
        assertThat(attempts.get()).isEqualTo(TARGETS * ATTEMPTS_PER_TARGET);
        assertThat(handedOut).hasSize(TARGETS * ATTEMPTS_PER_TARGET);
        OutdialTargetCounts counts = dialer.counts(outdial);
        assertThat(counts.failed()).isEqualTo(TARGETS);
        assertThat(counts.idle() + counts.progressing()).isZero();
        assertThat(read(Http.get(api("/outdials/" + outdial + "/targets?page_size=100&status=failed"), token), 200)
                .path("result").valueStream().map(t -> t.path("destinations").get(0).path("try_count").asInt() + ","
                        + t.path("destinations").get(1).path("try_count").asInt()).distinct().toList())
                .containsExactly("2,1");
    }
}
