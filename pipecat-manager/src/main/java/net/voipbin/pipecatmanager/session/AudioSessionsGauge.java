package net.voipbin.pipecatmanager.session;

import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/** {@code voipbin_audio_sessions}: AI sessions this instance carries audio for. */
@Component
class AudioSessionsGauge implements MeterBinder {

    private final SessionRegistry sessions;

    AudioSessionsGauge(SessionRegistry sessions) {
        this.sessions = sessions;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("voipbin.audio.sessions", sessions, s -> s.all().size()).description("live AI audio sessions")
                .register(registry);
    }
}
