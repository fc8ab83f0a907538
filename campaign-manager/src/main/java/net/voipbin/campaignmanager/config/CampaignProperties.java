package net.voipbin.campaignmanager.config;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code voipbin.campaign.*}.
 *
 * @param paceInterval how often an instance's pacer looks for running campaigns whose time has come
 * @param idleRecheck  the longest a running campaign with nothing due waits before the pacer asks the
 *                     outdial again (targets added meanwhile are seen within this)
 * @param claimBatch   most targets one claim asks outdial-manager for
 * @param leaseMargin  a claim's lease beyond the dial timeout (the originate, its events, the report)
 * @param talkLease    how long a claim is renewed for at each renewal while its call lasts
 * @param renewBefore  a lease is renewed once it lapses within this
 * @param staleClaim   a claim stored but not dialled for this long was left by an instance that died: it is
 *                     given back (well above the originate's RPC deadline)
 * @param keeperPeriod how often the lease keeper runs
 * @param queueRecheck a campaign held back by its queue's agents (progressive, predictive) is looked at again
 *                     after this (agents coming free are not announced to it; calls leaving the queue are)
 * @param predictiveWindow   the latest dialled attempts a predictive campaign measures itself on
 * @param predictiveMinSamples fewer attempts with an answer or an end than this: predictive dials as progressive
 */
@ConfigurationProperties("voipbin.campaign")
public record CampaignProperties(
        @DefaultValue("50ms") Duration paceInterval,
        @DefaultValue("5s") Duration idleRecheck,
        @DefaultValue("50") int claimBatch,
        @DefaultValue("30s") Duration leaseMargin,
        @DefaultValue("5m") Duration talkLease,
        @DefaultValue("1m") Duration renewBefore,
        @DefaultValue("60s") Duration staleClaim,
        @DefaultValue("5s") Duration keeperPeriod,
        @DefaultValue("500ms") Duration queueRecheck,
        @DefaultValue("100") int predictiveWindow,
        @DefaultValue("20") int predictiveMinSamples) {
}
