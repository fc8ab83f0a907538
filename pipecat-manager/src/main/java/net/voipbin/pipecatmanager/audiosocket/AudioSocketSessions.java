package net.voipbin.pipecatmanager.audiosocket;

import java.util.Optional;
import java.util.UUID;

import io.netty.channel.Channel;

/** Finds the session an incoming AudioSocket connection belongs to, by the UUID Asterisk sent first. */
public interface AudioSocketSessions {

    /** The session's caller leg, now bound to {@code channel}; empty for a UUID nobody expects. */
    Optional<CallerLeg> attach(UUID id, Channel channel);
}
