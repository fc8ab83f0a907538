package net.voipbin.local.daemon;

import java.util.ArrayList;
import java.util.List;

import net.voipbin.agentmanager.AgentManagerApplication;
import net.voipbin.apigateway.ApiGatewayApplication;
import net.voipbin.asteriskproxy.AsteriskProxyApplication;
import net.voipbin.callmanager.CallManagerApplication;
import net.voipbin.campaignmanager.CampaignManagerApplication;
import net.voipbin.conferencemanager.ConferenceManagerApplication;
import net.voipbin.flowmanager.FlowManagerApplication;
import net.voipbin.outdialmanager.OutdialManagerApplication;
import net.voipbin.pipecatmanager.PipecatManagerApplication;
import net.voipbin.queuemanager.QueueManagerApplication;
import net.voipbin.webhookmanager.WebhookManagerApplication;

/**
 * Every service of the fleet that local mode runs. A new service is born here (and in
 * docker-compose.yml): one line with its application class, its documented port and what local mode
 * sets for it beyond the shared wiring.
 */
public final class ServiceCatalog {

    /** The ARI edge and the gateway have no database: none of the JDBC machinery the shared class path brings. */
    private static final String NO_DATABASE = "--spring.autoconfigure.exclude="
            + "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration,"
            + "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration";

    private ServiceCatalog() {
    }

    public static List<LocalService> services() {
        List<LocalService> services = new ArrayList<>(backends());
        // The public base URL, in front of every service's REST API; it has no database of its own.
        services.add(new LocalService("api-gateway", ApiGatewayApplication.class, 8095,
                w -> gatewaySettings(w, backends())));
        return List.copyOf(services);
    }

    /** Each service's REST base URL as this local mode placed it (asterisk-proxy serves no public API). */
    private static List<String> gatewaySettings(Wiring wiring, List<LocalService> backends) {
        List<String> settings = new ArrayList<>(List.of(NO_DATABASE));
        for (LocalService backend : backends) {
            if (!backend.name().equals("asterisk-proxy")) {
                settings.add("--voipbin.gateway.services." + backend.name() + "=http://127.0.0.1:"
                        + wiring.ports().service(backend.documentedPort()));
            }
        }
        return settings;
    }

    private static List<LocalService> backends() {
        return List.of(
                new LocalService("asterisk-proxy", AsteriskProxyApplication.class, 8080, w -> List.of(NO_DATABASE,
                        "--voipbin.asterisk.id=" + w.asteriskId(),
                        "--voipbin.asterisk.ari-url=" + w.simulatorUrl(),
                        "--voipbin.asterisk.user=" + Simulator.ARI_USER,
                        "--voipbin.asterisk.password=" + Simulator.ARI_PASSWORD)),
                // The simulator plays nothing: prompts need no speech engine.
                new LocalService("call-manager", CallManagerApplication.class, 8081,
                        w -> List.of("--voipbin.call-manager.tts.engine=prompt")),
                new LocalService("flow-manager", FlowManagerApplication.class, 8082, null),
                new LocalService("campaign-manager", CampaignManagerApplication.class, 8083, null),
                new LocalService("outdial-manager", OutdialManagerApplication.class, 8084, null),
                new LocalService("queue-manager", QueueManagerApplication.class, 8085, null),
                new LocalService("agent-manager", AgentManagerApplication.class, 8086, null),
                new LocalService("conference-manager", ConferenceManagerApplication.class, 8087, null),
                // A developer's webhook receiver runs on this machine: loopback is allowed here.
                new LocalService("webhook-manager", WebhookManagerApplication.class, 8089,
                        w -> List.of("--voipbin.webhook.allowed-networks=127.0.0.0/8,::1/128")),
                // A developer's Pipecat runner and tool endpoint run on this machine too.
                new LocalService("pipecat-manager", PipecatManagerApplication.class, 8090,
                        w -> List.of("--voipbin.pipecat.audiosocket-port=" + w.ports().audioSocket(),
                                "--voipbin.outbound.allowed-networks=127.0.0.0/8,::1/128")));
    }
}
