package net.voipbin.systemtests.local;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.concurrent.ThreadLocalRandom;

/** A run of loopback ports nobody listens on, for one local mode of a test's own. */
public final class PortBlock {

    /** Local mode's ports: its base and the 14 after it. */
    public static final int LOCAL_MODE_SPAN = 16;

    private PortBlock() {
    }

    public static int freeBase() {
        for (int attempt = 0; attempt < 200; attempt++) {
            int base = ThreadLocalRandom.current().nextInt(20_000, 30_000);
            if (allFree(base, LOCAL_MODE_SPAN)) {
                return base;
            }
        }
        throw new IllegalStateException("no " + LOCAL_MODE_SPAN + " free loopback ports in a row");
    }

    public static boolean allFree(int base, int span) {
        for (int port = base; port < base + span; port++) {
            try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
                socket.setReuseAddress(true);
            } catch (IOException e) {
                return false;
            }
        }
        return true;
    }
}
