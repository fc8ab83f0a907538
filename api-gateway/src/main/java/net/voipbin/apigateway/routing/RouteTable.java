package net.voipbin.apigateway.routing;

import java.util.Map;
import java.util.Optional;

/**
 * Which service owns each public resource: the first path segment after {@code /v1.0} names the
 * resource, and every path under it goes to its owner. A new resource is one line here (the route
 * table test fails until it is added).
 */
public final class RouteTable {

    private static final Map<String, String> OWNERS = Map.ofEntries(
            Map.entry("calls", "call-manager"),
            Map.entry("numbers", "call-manager"),
            Map.entry("transfers", "call-manager"),
            Map.entry("flows", "flow-manager"),
            Map.entry("activeflows", "flow-manager"),
            Map.entry("campaigns", "campaign-manager"),
            Map.entry("campaigncalls", "campaign-manager"),
            Map.entry("outplans", "campaign-manager"),
            Map.entry("dncs", "campaign-manager"),
            Map.entry("outdials", "outdial-manager"),
            Map.entry("queues", "queue-manager"),
            Map.entry("queuecalls", "queue-manager"),
            Map.entry("agent_statistics", "queue-manager"),
            Map.entry("agents", "agent-manager"),
            Map.entry("conferences", "conference-manager"),
            Map.entry("conferencecalls", "conference-manager"),
            Map.entry("webhooks", "webhook-manager"));

    public static final String PREFIX = "/v1.0/";

    private RouteTable() {
    }

    /** Resource (first segment after {@code /v1.0/}) → owning service. */
    public static Map<String, String> owners() {
        return OWNERS;
    }

    /** The service that serves {@code path}, if any. */
    public static Optional<String> ownerOf(String path) {
        if (!path.startsWith(PREFIX)) {
            return Optional.empty();
        }
        String rest = path.substring(PREFIX.length());
        int slash = rest.indexOf('/');
        return Optional.ofNullable(OWNERS.get(slash < 0 ? rest : rest.substring(0, slash)));
    }
}
