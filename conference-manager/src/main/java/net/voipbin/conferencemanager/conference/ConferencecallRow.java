package net.voipbin.conferencemanager.conference;

import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

import net.voipbin.contract.conferencemanager.Conferencecall;

/**
 * A row of {@code conferencecalls}. Status moves joining → joined → leaving → left (joining and joined may
 * go straight to left: a hangup). {@code leave_reason} is set when leaving is asked (kick, stop, timeout)
 * and settled when the participant has left.
 */
@Table("conferencecalls")
record ConferencecallRow(
        @Id UUID id,
        UUID customerId,
        UUID conferenceId,
        UUID callId,
        UUID activeflowId,
        String status,
        String role,
        boolean muted,
        String leaveReason,
        @Version Long version,
        Instant tmCreate,
        Instant tmUpdate,
        Instant tmJoin,
        Instant tmLeave) {

    static final String JOINING = "joining";
    static final String JOINED = "joined";
    static final String LEAVING = "leaving";
    static final String LEFT = "left";

    boolean live() {
        return !LEFT.equals(status);
    }

    boolean inBridge() {
        return tmJoin != null && live();
    }

    Conferencecall.Role roleEnum() {
        return Conferencecall.Role.valueOf(role.toUpperCase(Locale.ROOT));
    }

    ConferencecallRow joined(Instant now) {
        String next = JOINING.equals(status) ? JOINED : status;
        return new ConferencecallRow(id, customerId, conferenceId, callId, activeflowId, next, role, muted, leaveReason,
                version, tmCreate, now, now, tmLeave);
    }

    ConferencecallRow leaving(String reason, Instant now) {
        return new ConferencecallRow(id, customerId, conferenceId, callId, activeflowId, LEAVING, role, muted, reason,
                version, tmCreate, now, tmJoin, tmLeave);
    }

    ConferencecallRow left(String reason, Instant now) {
        return new ConferencecallRow(id, customerId, conferenceId, callId, activeflowId, LEFT, role, muted, reason,
                version, tmCreate, now, tmJoin, now);
    }

    ConferencecallRow muted(boolean value, Instant now) {
        return new ConferencecallRow(id, customerId, conferenceId, callId, activeflowId, status, role, value,
                leaveReason, version, tmCreate, now, tmJoin, tmLeave);
    }

    Conferencecall toConferencecall() {
        return new Conferencecall(id, customerId, conferenceId, callId, activeflowId,
                Conferencecall.Status.valueOf(status.toUpperCase(Locale.ROOT)), roleEnum(), muted, leaveReason,
                tmCreate, tmUpdate);
    }
}
