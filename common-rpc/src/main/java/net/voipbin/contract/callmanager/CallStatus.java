package net.voipbin.contract.callmanager;

/** A call's life: dialing → ringing → progressing (answered) → terminating/canceling → hangup. */
public enum CallStatus { DIALING, RINGING, PROGRESSING, TERMINATING, CANCELING, HANGUP }
