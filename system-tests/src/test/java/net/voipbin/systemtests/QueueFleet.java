package net.voipbin.systemtests;

import java.util.List;

/**
 * The fleet of the queue tests: the inbound-call path plus agent-manager and queue-manager (short deadline
 * sweeps). Agents are simulator endpoints (tel numbers) whose originate plan answers, rejects or never answers.
 */
final class QueueFleet {

    private QueueFleet() {
    }

    static SystemFleet start() {
        return SystemFleet.builder().asteriskId("asterisk-queue").callPath()
                .with("agent-manager", List.of("--voipbin.agent-manager.deadline-sweep=200ms"))
                .with("queue-manager", List.of("--voipbin.queue-manager.deadline-sweep=200ms")).start();
    }
}
