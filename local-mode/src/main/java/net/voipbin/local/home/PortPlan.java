package net.voipbin.local.home;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Every loopback port local mode binds, laid out from one base (default 8080) so that a user moves the
 * whole fleet with one setting ({@code VOIPBIN_LOCAL_PORT_BASE}). The services keep their documented
 * offsets (asterisk-proxy 8080 … pipecat-manager 8090, api-gateway 8095); the simulator takes Asterisk's
 * own ARI port, 8088; the rest follow.
 */
public record PortPlan(int base) {

    /** The block's size: base .. base + SPAN - 1. */
    public static final int SPAN = 16;

    public PortPlan {
        if (base < 1024 || base + SPAN > 65535) {
            throw new IllegalArgumentException("port base " + base + " must leave room for " + SPAN
                    + " ports between 1024 and 65535");
        }
    }

    /** A service's HTTP port: its module's documented port moved with the base. */
    public int service(int documentedPort) {
        return base + (documentedPort - 8080);
    }

    public int simulator() {
        return base + 8;
    }

    /** The local-mode process's own status endpoint. */
    public int control() {
        return base + 11;
    }

    public int amqp() {
        return base + 12;
    }

    public int database() {
        return base + 13;
    }

    /** pipecat-manager's AudioSocket server. */
    public int audioSocket() {
        return base + 14;
    }

    /** Every port with what binds it, for the check before start and after stop. */
    public Map<Integer, String> owners(Iterable<? extends Named> services, boolean embeddedDatabase,
            boolean embeddedBroker) {
        Map<Integer, String> owners = new LinkedHashMap<>();
        owners.put(control(), "local-mode");
        if (embeddedDatabase) {
            owners.put(database(), "postgresql");
        }
        if (embeddedBroker) {
            owners.put(amqp(), "amqp-broker");
        }
        owners.put(simulator(), "asterisk-sim");
        for (Named service : services) {
            owners.put(service(service.documentedPort()), service.name());
        }
        owners.put(audioSocket(), "pipecat-manager (AudioSocket)");
        return owners;
    }

    /** Something that owns a documented port. */
    public interface Named {
        String name();

        int documentedPort();
    }
}
