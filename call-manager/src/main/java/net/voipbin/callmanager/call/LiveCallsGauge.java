package net.voipbin.callmanager.call;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * {@code voipbin_calls_live}: calls not hung up, fleet-wide (every instance reports the same count). Counted
 * when scraped, on the partial index of live calls, so the call path pays nothing for it.
 */
@Component
class LiveCallsGauge implements MeterBinder {

    private final JdbcClient jdbc;

    LiveCallsGauge(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("voipbin.calls.live", this, LiveCallsGauge::count).description("calls not hung up").register(registry);
    }

    private double count() {
        return jdbc.sql("SELECT count(*) FROM calls WHERE tm_hangup IS NULL").query(Long.class).single();
    }
}
