package net.voipbin.contract.asteriskproxy;

/**
 * Event types asterisk-proxy publishes on the {@code asterisk.all.event} fanout exchange (envelope
 * {@code publisher} = {@link #PUBLISHER}, {@code asterisk_id} set).
 */
public final class AsteriskProxyEvents {

    public static final String PUBLISHER = "asterisk-proxy";

    /** Every ARI event; {@code data} is the ARI JSON exactly as Asterisk sent it. */
    public static final String ARI_EVENT = "ari_event";

    /** After each (re)connect to ARI; {@code data} is a {@link ProxyConnected}, for reconciliation. */
    public static final String PROXY_CONNECTED = "proxy_connected";

    private AsteriskProxyEvents() {
    }
}
