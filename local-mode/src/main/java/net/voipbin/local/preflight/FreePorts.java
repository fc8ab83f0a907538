package net.voipbin.local.preflight;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import net.voipbin.local.home.LocalModeException;

/** Every port local mode will bind must be free on loopback before anything starts. */
public final class FreePorts {

    private FreePorts() {
    }

    /** Fails naming each port in use and who in local mode wanted it. */
    public static void require(Map<Integer, String> owners, int base) {
        List<String> busy = busy(owners);
        if (!busy.isEmpty()) {
            throw new LocalModeException("port " + String.join(", port ", busy) + " in use by another program."
                    + " Stop it, or move local mode's ports: VOIPBIN_LOCAL_PORT_BASE=" + (base + 1000)
                    + " ./voipbin start");
        }
    }

    /** The ports of {@code owners} that something listens on, as "8081 (call-manager)". */
    public static List<String> busy(Map<Integer, String> owners) {
        List<String> busy = new ArrayList<>();
        owners.forEach((port, owner) -> {
            if (!isFree(port)) {
                busy.add(port + " (" + owner + ")");
            }
        });
        return busy;
    }

    static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
