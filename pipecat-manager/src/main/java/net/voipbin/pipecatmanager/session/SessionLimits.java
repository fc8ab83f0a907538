package net.voipbin.pipecatmanager.session;

import java.time.Duration;

/**
 * Per-session bounds: the playout queue's length, how long after Asterisk connects the caller's audio
 * must have started, and the caller audio kept while the runner connects (also the most ever sent to
 * the runner ahead of real time).
 */
record SessionLimits(int playoutSeconds, Duration audioTimeout, Duration startupBuffer) {
}
