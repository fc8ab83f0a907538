package net.voipbin.campaignmanager.dialing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import net.voipbin.campaignmanager.dialing.DialTarget.Measures;
import net.voipbin.campaignmanager.dialing.DialTarget.Pending;
import net.voipbin.contract.campaignmanager.Campaign.DialingMode;
import net.voipbin.contract.queuemanager.QueueCapacity;

class DialTargetTest {

    private static final Pending NOTHING = new Pending(0, 0);
    /** 100 attempts, 20 answered, none abandoned; 5 s of ringing before an answer, 60 s of talk. */
    private static final Measures FEW_ANSWER = new Measures(100, 20, 0, 5000, 60000);

    @Test
    void progressiveRingsTheAvailableAgentsTimesTheRatioLessWhatAlreadyRingsOrWaits() {
        assertThat(room(DialingMode.PROGRESSIVE, queue(4, 0, 0), NOTHING, FEW_ANSWER, 1.0)).isEqualTo(4);
        assertThat(room(DialingMode.PROGRESSIVE, queue(4, 0, 0), NOTHING, FEW_ANSWER, 1.5)).isEqualTo(6);
        assertThat(room(DialingMode.PROGRESSIVE, queue(4, 0, 0), new Pending(3, 0), FEW_ANSWER, 1.0)).isEqualTo(1);
        // An answered call on its way to the queue and a caller waiting in it each take an agent.
        assertThat(room(DialingMode.PROGRESSIVE, queue(4, 0, 1), new Pending(1, 1), FEW_ANSWER, 1.0)).isEqualTo(1);
        assertThat(room(DialingMode.PROGRESSIVE, queue(0, 9, 0), NOTHING, FEW_ANSWER, 1.0)).isZero();
        assertThat(room(DialingMode.PROGRESSIVE, queue(2, 0, 0), new Pending(5, 0), FEW_ANSWER, 1.0)).isZero();
    }

    @Test
    void predictiveRingsForTheAgentsFreeAndSoonFreeDividedByTheAnswerRate() {
        // (4 free + 10 busy x 5/60) / 0.2 = 24 ringing.
        assertThat(room(DialingMode.PREDICTIVE, queue(4, 10, 0), NOTHING, FEW_ANSWER, 1.0)).isEqualTo(24);
        assertThat(room(DialingMode.PREDICTIVE, queue(4, 10, 0), new Pending(20, 0), FEW_ANSWER, 1.0)).isEqualTo(4);
        // Nobody free, some busy: it still dials for the agents about to be free, where progressive waits.
        assertThat(room(DialingMode.PREDICTIVE, queue(0, 12, 0), NOTHING, FEW_ANSWER, 1.0)).isEqualTo(5);
        assertThat(room(DialingMode.PROGRESSIVE, queue(0, 12, 0), NOTHING, FEW_ANSWER, 1.0)).isZero();
    }

    @Test
    void predictiveIsProgressiveUntilItHasMeasuredEnough() {
        Measures early = new Measures(19, 1, 0, 5000, 60000);
        assertThat(room(DialingMode.PREDICTIVE, queue(4, 10, 0), NOTHING, early, 1.0)).isEqualTo(4);
    }

    @Test
    void predictiveBacksOffToProgressiveAsTheAbandonRateNearsTheCap() {
        Measures atHalfTheCap = new Measures(100, 20, 0, 5000, 60000);
        Measures nearTheCap = new Measures(100, 40, 1, 5000, 60000); // 2.5 % of a 3 % cap: gain 1/3
        Measures overTheCap = new Measures(100, 20, 1, 5000, 60000); // 5 %
        assertThat(room(DialingMode.PREDICTIVE, queue(4, 0, 0), NOTHING, atHalfTheCap, 1.0)).isEqualTo(20);
        // Answer rate 0.4: full 10, progressive 4, a third of the way: 6.
        assertThat(room(DialingMode.PREDICTIVE, queue(4, 0, 0), NOTHING, nearTheCap, 1.0)).isEqualTo(6);
        assertThat(room(DialingMode.PREDICTIVE, queue(4, 0, 0), NOTHING, overTheCap, 1.0)).isEqualTo(4);
    }

    @Test
    void aCampaignNobodyAnswersIsDialledAtMostTenPerFreeAgent() {
        assertThat(room(DialingMode.PREDICTIVE, queue(3, 0, 0), NOTHING, new Measures(50, 0, 0, 0, 0), 1.0)).isEqualTo(30);
    }

    @Test
    void aCapOfZeroNeverDialsAhead() {
        assertThat(DialTarget.gain(FEW_ANSWER, 0)).isZero();
        assertThat(DialTarget.room(DialingMode.PREDICTIVE, queue(4, 10, 0), NOTHING, FEW_ANSWER, 1.0, 0, 20)).isEqualTo(4);
    }

    private static int room(DialingMode mode, QueueCapacity queue, Pending pending, Measures measured, double ratio) {
        return DialTarget.room(mode, queue, pending, measured, ratio, 0.03, 20);
    }

    private static QueueCapacity queue(long available, long busy, long waiting) {
        return new QueueCapacity(UUID.randomUUID(), available, busy, waiting);
    }
}
