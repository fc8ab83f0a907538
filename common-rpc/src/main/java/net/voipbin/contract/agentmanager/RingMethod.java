package net.voipbin.contract.agentmanager;

/** How an agent's addresses are dialed for an offer: all at once, or one after the other in their order. */
public enum RingMethod {
    RINGALL, LINEAR
}
