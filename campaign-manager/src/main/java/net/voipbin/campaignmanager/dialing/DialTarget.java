package net.voipbin.campaignmanager.dialing;

import net.voipbin.contract.campaignmanager.Campaign;
import net.voipbin.contract.queuemanager.QueueCapacity;

/**
 * How many more calls a campaign dialing for a queue may start now. Pure arithmetic on what was measured, so it is
 * tested without a broker; see the module README for the reasoning.
 *
 * <p>Demand for agents: each ringing call will need one with the answer rate's probability; an answered call not yet
 * in the queue needs one for sure; callers waiting in the queue (anyone's) need one each. Progressive dials
 * as if every call were answered: ringing + answered-not-queued <= (available - waiting) x ratio. Predictive counts
 * the answer rate and the agents about to come free, and a gain falls from 1 to 0 as the measured abandon rate goes
 * from half the cap to the cap, back to progressive, which is also its floor.
 */
final class DialTarget {

    /** A campaign answered less than this is still dialled at most ten calls per free agent. */
    static final double MIN_ANSWER_RATE = 0.1;

    /** The campaign's calls that want an agent now, from its own rows. */
    record Pending(long ringing, long answeredNotQueued) {
    }

    /**
     * The campaign's latest dialled attempts: how many have a verdict (answered or ended), were answered, were
     * abandoned; the average ring time of the answered and talk time (agent connected to call end).
     */
    record Measures(long verdicts, long answered, long abandoned, double averageRingMs, double averageTalkMs) {

        double answerRate() {
            return verdicts == 0 ? 1 : (double) answered / verdicts;
        }

        double abandonRate() {
            return answered == 0 ? 0 : (double) abandoned / answered;
        }
    }

    private DialTarget() {
    }

    static int room(Campaign.DialingMode mode, QueueCapacity queue, Pending pending, Measures measured, double ratio,
            double maxAbandonRate, int minSamples) {
        double free = queue.availableAgents() - queue.waitingCalls();
        double ringing = free * ratio - pending.answeredNotQueued();
        if (mode == Campaign.DialingMode.PREDICTIVE && measured.verdicts() >= minSamples) {
            ringing = Math.max(ringing, ringing + gain(measured, maxAbandonRate) * (predictive(queue, pending, measured) - ringing));
        }
        return (int) Math.max(0, Math.floor(ringing + 1e-9) - pending.ringing());
    }

    /**
     * Ringing calls whose expected answers match the agents free now plus those expected free within one ring time:
     * a busy agent's remaining talk is taken as uniform over the average talk time, so it is free within the average
     * ring time with probability ring / talk.
     */
    static double predictive(QueueCapacity queue, Pending pending, Measures measured) {
        double soon = measured.averageTalkMs() <= 0 ? 0
                : queue.busyAgents() * Math.min(1, measured.averageRingMs() / measured.averageTalkMs());
        double wanted = queue.availableAgents() + soon - queue.waitingCalls() - pending.answeredNotQueued();
        return wanted / Math.max(MIN_ANSWER_RATE, measured.answerRate());
    }

    /** 1 up to half the cap, 0 at the cap and above; a cap of 0 allows no dialling ahead at all. */
    static double gain(Measures measured, double maxAbandonRate) {
        if (maxAbandonRate <= 0) {
            return 0;
        }
        return Math.clamp(2 * (1 - measured.abandonRate() / maxAbandonRate), 0.0, 1.0);
    }
}
