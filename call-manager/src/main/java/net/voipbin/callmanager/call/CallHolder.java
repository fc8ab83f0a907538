package net.voipbin.callmanager.call;

import java.util.UUID;

/**
 * A feature that may have taken a call over from its flow (a transfer in progress): when the flow ends,
 * such a call is not hung up. Implemented by the features, looked up by {@link CallService}, so that the
 * dependency runs from them to calls and not back.
 */
public interface CallHolder {

    boolean holds(UUID callId);
}
