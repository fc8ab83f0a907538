package net.voipbin.flowmanager.http;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;

/**
 * Keeps customer URLs (fetch, webhook_send) off the platform's own network: a host that resolves to a
 * loopback, private, link-local or wildcard address is refused unless {@code voipbin.flow.allow-private-urls}
 * is set (tests, local mode). The address is checked when the request is made.
 */
final class UrlGuard {

    private final boolean allowPrivate;

    UrlGuard(boolean allowPrivate) {
        this.allowPrivate = allowPrivate;
    }

    void check(URI url) {
        if (url.getHost() == null || !(url.getScheme().equals("http") || url.getScheme().equals("https"))) {
            throw new CustomerHttp.CustomerHttpException("not an http(s) URL: " + url);
        }
        if (allowPrivate) {
            return;
        }
        try {
            for (InetAddress address : InetAddress.getAllByName(url.getHost())) {
                if (address.isLoopbackAddress() || address.isSiteLocalAddress() || address.isLinkLocalAddress()
                        || address.isAnyLocalAddress() || address.isMulticastAddress() || uniqueLocal(address)) {
                    throw new CustomerHttp.CustomerHttpException("refused: " + url.getHost()
                            + " resolves to a private address");
                }
            }
        } catch (UnknownHostException e) {
            throw new CustomerHttp.CustomerHttpException("unknown host " + url.getHost());
        }
    }

    /** IPv6 fc00::/7, which InetAddress does not call site-local. */
    private static boolean uniqueLocal(InetAddress address) {
        byte[] bytes = address.getAddress();
        return bytes.length == 16 && (bytes[0] & 0xfe) == 0xfc;
    }
}
