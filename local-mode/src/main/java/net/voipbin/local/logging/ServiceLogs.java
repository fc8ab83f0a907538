package net.voipbin.local.logging;

import java.util.LinkedHashMap;
import java.util.Map;

import net.voipbin.local.daemon.LocalService;
import net.voipbin.local.daemon.ServiceCatalog;

/**
 * Which component a log line belongs to, so that {@code ./voipbin logs call-manager} shows
 * call-manager's lines although every service logs in one JVM: the {@code service} MDC value where the
 * line was logged on a service's behalf (its start-up, a message or request it handles), else the
 * package of the logger, else local mode itself.
 */
public final class ServiceLogs {

    public static final String MDC_KEY = net.voipbin.rpc.trace.Trace.SERVICE_MDC_KEY;
    public static final String LOCAL_MODE = "local-mode";

    private static final Map<String, String> OWNERS = owners();

    private ServiceLogs() {
    }

    public static String ownerOf(String mdcService, String loggerName) {
        if (mdcService != null && !mdcService.isBlank()) {
            return mdcService;
        }
        for (Map.Entry<String, String> owner : OWNERS.entrySet()) {
            if (loggerName.startsWith(owner.getKey())) {
                return owner.getValue();
            }
        }
        return LOCAL_MODE;
    }

    private static Map<String, String> owners() {
        Map<String, String> owners = new LinkedHashMap<>();
        for (LocalService service : ServiceCatalog.services()) {
            owners.put(service.application().getPackageName() + ".", service.name());
        }
        owners.put("net.voipbin.asterisksim.", "asterisk-sim");
        owners.put("org.apache.qpid.", "amqp-broker");
        owners.put("qpid.", "amqp-broker");
        owners.put("io.zonky.", "postgresql");
        return Map.copyOf(owners);
    }
}
