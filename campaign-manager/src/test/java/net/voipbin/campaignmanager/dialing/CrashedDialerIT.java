package net.voipbin.campaignmanager.dialing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import net.voipbin.asterisksim.OriginateOutcome;
import net.voipbin.campaignmanager.campaigncall.CampaigncallRow;
import net.voipbin.campaignmanager.campaigncall.CampaigncallStore;
import net.voipbin.campaignmanager.support.CampaignITBase;
import net.voipbin.contract.callmanager.Address;
import net.voipbin.contract.callmanager.CallManagerClient;
import net.voipbin.contract.callmanager.CallRequests;
import net.voipbin.contract.outdialmanager.ClaimRequests;
import net.voipbin.contract.outdialmanager.OutdialManagerClient;
import net.voipbin.contract.outdialmanager.TargetClaim;
import net.voipbin.testsupport.Http;

/**
 * A dialer that stopped between call-manager making the call and storing it: the attempt's claim is not given back
 * (the target would be dialled a second time), the attempt becomes that call's, found by its id, which is the
 * attempt's own.
 */
class CrashedDialerIT extends CampaignITBase {

    @Autowired
    private CampaigncallStore store;
    @Autowired
    private OutdialManagerClient outdials;
    @Autowired
    private CallManagerClient callManager;

    @Test
    void anAttemptWhoseCallWasMadeBeforeItsDialerStoppedIsThatCallsAndTheTargetIsNotDialledAgain() {
        String number = number();
        SIM.planOriginate(number, OriginateOutcome.ANSWERED, Duration.ofSeconds(1000));
        UUID plan = outplan(30_000, "[3]", 1000, 1000, 1000);
        UUID outdial = outdial(List.of(List.of(number)));
        UUID campaign = campaign("\"outplan_id\":\"" + plan + "\",\"outdial_id\":\"" + outdial + "\"," + talkAndHangup());
        // What the stopped dialer left: its claim stored as an attempt long ago, and the call it had asked for.
        TargetClaim claim = outdials.claim(outdial, new ClaimRequests.Claim(List.of(3), 600_000L, 1)).claims().getFirst();
        UUID attempt = UUID.randomUUID();
        callManager.create(new CallRequests.Create(customer, Address.tel("+16502530000"), List.of(Address.tel(number)),
                null, 30_000, attempt));
        Instant longAgo = Instant.now().minus(Duration.ofMinutes(10));
        store.insertClaimed(new CampaigncallRow(attempt, customer, campaign, outdial, claim.target().id(), claim.claimId(),
                claim.leaseExpiresAt(), claim.slot(), claim.destination(), claim.tryNumber(), null, null,
                CampaigncallRow.CLAIMED, null, null, null, longAgo, null, null, null, longAgo, null, null));

        // A claimed attempt is nobody's business yet (404); once dialled it is listed with its call.
        await().atMost(WAIT).until(() -> Http.get(api("/campaigncalls/" + attempt), token).status() == 200);
        assertThat(read(Http.get(api("/campaigncalls/" + attempt), token), 200).path("call_id").asString())
                .isEqualTo(attempt.toString());

        assertThat(read(Http.get(api("/campaigncalls/" + attempt), token), 200).path("status").asString()).isIn("dialing",
                "progressing");
        // The target stays the attempt's (progressing), and was dialled once.
        assertThat(outdialCounts(outdial).path("progressing").asInt()).isEqualTo(1);
        await().during(Duration.ofSeconds(2)).atMost(WAIT).until(() -> originates(number).size() == 1);
    }
}
