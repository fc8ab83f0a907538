package net.voipbin.asterisksim;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * A fresh simulator per test, a thousand times faster than real time (prompts and delays last
 * milliseconds), with an ARI client holding the simulator's credentials.
 */
abstract class SimulatorTest {

    protected AsteriskSim sim;
    protected AriHttp ari;

    @BeforeEach
    void startSimulator() {
        sim = AsteriskSim.start(SimConfig.defaults().withTimeScale(0.001));
        ari = new AriHttp(sim);
    }

    @AfterEach
    void stopSimulator() {
        sim.close();
    }
}
