package net.voipbin.local.daemon;

import net.voipbin.asterisksim.AsteriskSim;
import net.voipbin.asterisksim.SimConfig;

/** asterisk-sim in this JVM, on Asterisk's own ARI port of the plan, in real time. */
final class Simulator implements AutoCloseable {

    static final String ARI_USER = "asterisk";
    static final String ARI_PASSWORD = "asterisk";

    private final AsteriskSim sim;

    private Simulator(AsteriskSim sim) {
        this.sim = sim;
    }

    static Simulator start(int port) {
        SimConfig config = SimConfig.defaults().withPort(port).withCredentials(ARI_USER, ARI_PASSWORD);
        return new Simulator(AsteriskSim.start(config));
    }

    String asteriskId() {
        return SimConfig.DEFAULT_ASTERISK_ID;
    }

    String url() {
        return sim.baseUrl();
    }

    @Override
    public void close() {
        sim.close();
    }
}
