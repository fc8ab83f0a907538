package net.voipbin.contract.campaignmanager;

/** stop → run → stopping (no new dials, calls in flight finish) → stop. */
public enum CampaignStatus { STOP, RUN, STOPPING }
