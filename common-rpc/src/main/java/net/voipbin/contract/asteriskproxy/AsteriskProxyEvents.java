package net.voipbin.contract.asteriskproxy;

/**
 * Event types asterisk-proxy publishes on the {@code asterisk.all.event} direct exchange (envelope
 * {@code publisher} = {@link #PUBLISHER}, {@code asterisk_id} set).
 */
public final class AsteriskProxyEvents {

    public static final String PUBLISHER = "asterisk-proxy";

    /** Every ARI event; {@code data} is the ARI JSON exactly as Asterisk sent it. */
    public static final String ARI_EVENT = "ari_event";

    /** After each (re)connect to ARI; {@code data} is a {@link ProxyConnected}, for reconciliation. */
    public static final String PROXY_CONNECTED = "proxy_connected";

    /**
     * The proxy stops (a shutdown): {@code data} is a {@link ProxyDisconnected}, the last thing it
     * publishes, so the next {@code proxy_connected} of a proxy that does not know when this one stopped
     * listening can be reconciled as of then.
     */
    public static final String PROXY_DISCONNECTED = "proxy_disconnected";

    private AsteriskProxyEvents() {
    }
}
