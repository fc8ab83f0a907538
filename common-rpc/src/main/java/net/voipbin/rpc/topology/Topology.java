package net.voipbin.rpc.topology;

/**
 * The AMQP names of DESIGN.md, with an optional namespace prefix. One place computes every name, so a
 * typed client never spells another service's queue by hand.
 */
public final class Topology {

    private final String namespace;
    private final String eventExchange;

    public Topology(String namespace, String eventExchange) {
        this.namespace = namespace == null ? "" : namespace;
        this.eventExchange = eventExchange;
    }

    public String eventExchange() {
        return namespace + eventExchange;
    }

    public String requestQueue(String service) {
        return namespace + "bin-manager." + service + ".request";
    }

    public String subscribeQueue(String service) {
        return namespace + "bin-manager." + service + ".subscribe";
    }

    public String deadQueue(String service) {
        return subscribeQueue(service) + ".dead";
    }

    /** The direct exchange every asterisk-proxy publishes ARI events to; its queues: {@link AriPartitions}. */
    public String asteriskEvents() {
        return namespace + "asterisk.all.event";
    }

    public String asteriskRequestQueue(String asteriskId) {
        return namespace + "asterisk." + asteriskId + ".request";
    }

    /** Commands not tied to one Asterisk (originate): any proxy takes them. */
    public String asteriskCallRequestQueue() {
        return namespace + "asterisk.call.request";
    }

    public String namespace() {
        return namespace;
    }
}
