package net.voipbin.local.logging;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.sift.AbstractDiscriminator;

/** Logback's side of {@link ServiceLogs}: the {@code service} a line is filed under (one file each). */
public final class ServiceDiscriminator extends AbstractDiscriminator<ILoggingEvent> {

    @Override
    public String getDiscriminatingValue(ILoggingEvent event) {
        return ServiceLogs.ownerOf(event.getMDCPropertyMap().get(ServiceLogs.MDC_KEY), event.getLoggerName());
    }

    @Override
    public String getKey() {
        return ServiceLogs.MDC_KEY;
    }
}
