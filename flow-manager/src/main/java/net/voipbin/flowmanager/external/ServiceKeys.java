package net.voipbin.flowmanager.external;

import java.util.UUID;

/** Wait keys of flows parked in another service, matched by that service's end event. */
public final class ServiceKeys {

    private ServiceKeys() {
    }

    public static String queuecall(UUID id) {
        return "queuecall:" + id;
    }

    public static String conferencecall(UUID id) {
        return "conferencecall:" + id;
    }

    public static String pipecatcall(UUID id) {
        return "pipecatcall:" + id;
    }
}
