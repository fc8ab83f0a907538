package net.voipbin.pipecatmanager.session;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

import io.netty.channel.Channel;
import net.voipbin.pipecatmanager.audiosocket.AudioSocketSessions;
import net.voipbin.pipecatmanager.audiosocket.CallerLeg;

/** Live sessions by id; the AudioSocket server finds a connection's session here by its UUID. */
@Component
public class SessionRegistry implements AudioSocketSessions {

    private final ConcurrentHashMap<UUID, PipecatSession> sessions = new ConcurrentHashMap<>();

    void add(PipecatSession session) {
        sessions.put(session.spec().id(), session);
    }

    Optional<PipecatSession> get(UUID id) {
        return Optional.ofNullable(sessions.get(id));
    }

    void remove(UUID id) {
        sessions.remove(id);
    }

    /** Removes this session only: a replacement registered under the same id stays. */
    void remove(PipecatSession session) {
        sessions.remove(session.spec().id(), session);
    }

    List<PipecatSession> ofCall(UUID callId) {
        return sessions.values().stream().filter(s -> s.spec().callId().equals(callId)).toList();
    }

    public Collection<PipecatSession> all() {
        return sessions.values();
    }

    @Override
    public Optional<CallerLeg> attach(UUID id, Channel channel) {
        PipecatSession session = sessions.get(id);
        return session != null && session.attach(channel) ? Optional.of(session) : Optional.empty();
    }
}
