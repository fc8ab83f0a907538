package net.voipbin.campaignmanager.dialing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import net.voipbin.campaignmanager.campaigncall.CampaigncallRow;
import net.voipbin.campaignmanager.campaigncall.CampaigncallStore;
import net.voipbin.campaignmanager.support.CampaignITBase;

/**
 * Which claims the lease keeper takes in a round, on real PostgreSQL: a talking call's lapsing within renew-before, a
 * ringing call's only when its dial claim is about to lapse (it used to renew every call just dialled), each taken
 * once per round. The rows live in a transaction rolled back at the end, so the running keeper never sees them.
 */
class LeaseRoundIT extends CampaignITBase {

    @Autowired
    private CampaigncallStore store;
    @Autowired
    private TransactionTemplate tx;

    @Test
    void aRoundTakesTalkingCallsLapsingSoonAndRingingCallsOnlyNearTheirLapseEachOnce() {
        UUID campaign = campaign(talkAndHangup());
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        tx.executeWithoutResult(s -> {
            UUID ringingFresh = attempt(campaign, false, now.plusSeconds(60), now);
            UUID ringingLapsing = attempt(campaign, false, now.plusSeconds(10), now);
            UUID talkingLapsing = attempt(campaign, true, now.plusSeconds(50), now);
            UUID talkingFresh = attempt(campaign, true, now.plus(Duration.ofMinutes(4)), now);

            Map<UUID, CampaigncallRow> taken = mine(campaign, store.takeLeasesDue(now.plusSeconds(60),
                    now.plusSeconds(65), now.plusSeconds(15), now.plusSeconds(20), 1000));
            assertThat(taken.keySet()).containsExactlyInAnyOrder(ringingLapsing, talkingLapsing)
                    .doesNotContain(ringingFresh, talkingFresh);
            // Marked for the round: another keeper (or this one, at once) takes none of them again.
            assertThat(mine(campaign, store.takeLeasesDue(now.plusSeconds(60), now.plusSeconds(65),
                    now.plusSeconds(15), now.plusSeconds(20), 1000))).isEmpty();
            assertThat(store.find(ringingLapsing).orElseThrow().leaseExpiresAt()).isEqualTo(now.plusSeconds(20));
            assertThat(store.find(talkingLapsing).orElseThrow().leaseExpiresAt()).isEqualTo(now.plusSeconds(65));
            s.setRollbackOnly();
        });
    }

    private UUID attempt(UUID campaign, boolean answered, Instant lease, Instant now) {
        UUID id = UUID.randomUUID();
        store.insertClaimed(new CampaigncallRow(id, customer, campaign, UUID.randomUUID(), UUID.randomUUID(),
                UUID.randomUUID(), lease, 0, number(), 1, null, null, CampaigncallRow.CLAIMED, null, null, null, now, null,
                null, null, now, null, null));
        store.dialed(id, UUID.randomUUID(), null, now);
        if (answered) {
            store.answered(id, now, now);
        }
        return id;
    }

    private static Map<UUID, CampaigncallRow> mine(UUID campaign, List<CampaigncallRow> rows) {
        return rows.stream().filter(r -> r.campaignId().equals(campaign))
                .collect(Collectors.toMap(CampaigncallRow::id, r -> r));
    }
}
