package net.voipbin.systemtests;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import net.voipbin.rpc.auth.JwtTokens;
import net.voipbin.systemtests.launch.FleetEnv;
import net.voipbin.systemtests.launch.FleetLauncher;
import net.voipbin.systemtests.launch.FleetServices;
import net.voipbin.systemtests.launch.FreePorts;
import net.voipbin.systemtests.launch.RunnableJars;
import net.voipbin.systemtests.launch.ServiceProcess;
import net.voipbin.systemtests.launch.ServiceSpec;
import net.voipbin.testsupport.Http;
import net.voipbin.testsupport.Postgres;
import net.voipbin.testsupport.TestInfra;

/**
 * The outbound-campaign fleet, each a JVM from its packaged jar: asterisk-sim (real time), asterisk-proxy,
 * call-manager, flow-manager, outdial-manager and two campaign-manager instances on one schema. Either
 * campaign-manager can be killed with SIGKILL.
 */
final class CampaignFleet implements AutoCloseable {

    static final String ASTERISK_ID = "asterisk-campaign";
    private static final Duration READY_WITHIN = Duration.ofMinutes(3);

    private final FleetLauncher launcher;
    private final FleetEnv env;
    private final int simPort = FreePorts.next();
    private final int proxyPort = FreePorts.next();
    private final int callManagerPort = FreePorts.next();
    private final int flowManagerPort = FreePorts.next();
    private final int outdialManagerPort = FreePorts.next();
    private final int campaignAPort = FreePorts.next();
    private final int campaignBPort = FreePorts.next();
    private ServiceProcess campaignA;
    private ServiceProcess campaignB;

    private CampaignFleet() {
        Postgres db = TestInfra.postgres();
        env = new FleetEnv(TestInfra.rabbit().uri(), db.jdbcUrl(), db.user(), db.password(), TestInfra.JWT_SECRET,
                TestInfra.uniqueNamespace());
        launcher = new FleetLauncher(RunnableJars.fromEnvironment(), Path.of("target", "system-tests"));
    }

    /**
     * {@code campaignSettings}: given to both campaign-manager instances (short stale-claim and lease
     * margins, so a killed instance's claims come back within the test).
     */
    static CampaignFleet start(List<String> campaignSettings) {
        CampaignFleet fleet = new CampaignFleet();
        try {
            fleet.launcher.start(FleetServices.asteriskSim(fleet.simPort, ASTERISK_ID, 1.0), READY_WITHIN);
            String campaignSchema = TestInfra.uniqueSchema("campaign-manager");
            List<ServiceProcess> started = fleet.launcher.startAll(List.of(
                    FleetServices.asteriskProxy(fleet.env, fleet.proxyPort, ASTERISK_ID, fleet.simUrl()),
                    FleetServices.service("call-manager", fleet.env, fleet.callManagerPort,
                            TestInfra.uniqueSchema("call-manager"), List.of("--voipbin.call-manager.tts.engine=prompt")),
                    FleetServices.service("flow-manager", fleet.env, fleet.flowManagerPort,
                            TestInfra.uniqueSchema("flow-manager"), List.of()),
                    FleetServices.service("outdial-manager", fleet.env, fleet.outdialManagerPort,
                            TestInfra.uniqueSchema("outdial-manager"), List.of()),
                    FleetServices.service("campaign-manager", fleet.env, fleet.campaignAPort, campaignSchema,
                            campaignSettings).named("campaign-manager-a"),
                    FleetServices.service("campaign-manager", fleet.env, fleet.campaignBPort, campaignSchema,
                            campaignSettings).named("campaign-manager-b")), READY_WITHIN);
            fleet.campaignA = started.get(started.size() - 2);
            fleet.campaignB = started.getLast();
            return fleet;
        } catch (RuntimeException e) {
            fleet.close();
            throw e;
        }
    }

    /** SIGKILL of campaign-manager b: no shutdown hook, its claims and transactions left as they are. */
    void killCampaignManagerB() {
        ProcessHandle.of(campaignB.pid()).ifPresent(ProcessHandle::destroyForcibly);
        campaignB.awaitStop(Duration.ofSeconds(10));
    }

    /** The far end of originates to {@code number}: {@code outcome} after {@code delay} (real time here). */
    void planOriginate(String number, String outcome, Duration delay) {
        Http.Response r = Http.post(simUrl() + "/sim/originate-plan?match=" + URLEncoder.encode(number, StandardCharsets.UTF_8)
                + "&outcome=" + outcome + "&delay_ms=" + delay.toMillis(), null, "");
        if (r.status() / 100 != 2) {
            throw new IllegalStateException("originate plan refused: " + r);
        }
    }

    SimControl sim() {
        return new SimControl(simUrl());
    }

    String simUrl() {
        return "http://127.0.0.1:" + simPort;
    }

    String campaignManagerA(String path) {
        return "http://127.0.0.1:" + campaignAPort + "/v1.0" + path;
    }

    String campaignManagerB(String path) {
        return "http://127.0.0.1:" + campaignBPort + "/v1.0" + path;
    }

    String outdialManager(String path) {
        return "http://127.0.0.1:" + outdialManagerPort + "/v1.0" + path;
    }

    String eventExchange() {
        return env.namespace() + "bin-manager.event";
    }

    String tokenFor(UUID customerId) {
        return JwtTokens.mint(env.jwtSecret(), customerId, Duration.ofHours(1));
    }

    @Override
    public void close() {
        launcher.close();
        BrokerCleanup.deleteNamespace(env.namespace());
    }
}
