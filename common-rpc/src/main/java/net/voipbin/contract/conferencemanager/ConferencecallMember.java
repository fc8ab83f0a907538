package net.voipbin.contract.conferencemanager;

import java.util.UUID;

/**
 * Data of {@code conferencecall_joined} / {@code conferencecall_left}. {@code id} and {@code participant_id}
 * are both the conferencecall's id (flow-manager resumes the waiting {@code conference_join} by {@code id}).
 * {@code participant_count}: participants in the bridge after this change. On left: {@code reason}
 * ({@code hangup}, {@code kick}, {@code stop}, {@code timeout}, {@code failed}) and {@code post_flow_id}, the
 * conference's post flow, set only when it is to run for this participant (left by stop or timeout).
 */
public record ConferencecallMember(
        UUID id,
        UUID participantId,
        UUID customerId,
        UUID conferenceId,
        UUID callId,
        UUID activeflowId,
        Conferencecall.Role role,
        int participantCount,
        String reason,
        UUID postFlowId) {
}
