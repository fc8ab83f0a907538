package net.voipbin.webhookmanager.webhook;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;

import net.voipbin.rpc.error.ApiException;

/**
 * Refuses webhook URLs that would make the service call into its own network: http(s) only, and
 * every address the host resolves to must be public unless an allowed network covers it. Checked
 * when a webhook is saved and again on every connection a delivery opens (DNS may have changed since).
 * Redirects are never followed, so a public endpoint cannot bounce us inward.
 */
public final class SsrfGuard {

    /** Blocks beyond what InetAddress classifies: CGNAT (and Alibaba's metadata), IPv6 unique-local, "this network", benchmarking. */
    private static final List<Cidr> EXTRA_BLOCKED = List.of(
            Cidr.parse("0.0.0.0/8"), Cidr.parse("100.64.0.0/10"), Cidr.parse("192.0.0.0/24"),
            Cidr.parse("198.18.0.0/15"), Cidr.parse("240.0.0.0/4"), Cidr.parse("fc00::/7"));

    private final List<Cidr> allowed;

    public SsrfGuard(List<String> allowedNetworks) {
        this.allowed = allowedNetworks.stream().filter(s -> !s.isBlank()).map(Cidr::parse).toList();
    }

    /** The parsed URL, or a 400 naming field {@code url}. */
    public URI check(String url) {
        URI uri = parse(url);
        resolve(uri.getHost());
        return uri;
    }

    /**
     * Every address {@code host} resolves to, or a 400 naming field {@code url} when one of them is not
     * public. The HTTP client connects through this, so it reaches exactly the addresses checked: a DNS
     * answer that changes between the check and the connection cannot slip an inside address in.
     */
    public InetAddress[] resolve(String host) {
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host);
        } catch (UnknownHostException e) {
            throw ApiException.invalidField("url", "host " + host + " does not resolve");
        }
        for (InetAddress address : addresses) {
            if (blocked(address)) {
                throw ApiException.invalidField("url", "resolves to a non-public address (" + address.getHostAddress() + ")");
            }
        }
        return addresses;
    }

    boolean blocked(InetAddress address) {
        if (allowed.stream().anyMatch(cidr -> cidr.contains(address))) {
            return false;
        }
        return address.isLoopbackAddress() || address.isSiteLocalAddress() || address.isLinkLocalAddress()
                || address.isAnyLocalAddress() || address.isMulticastAddress()
                || EXTRA_BLOCKED.stream().anyMatch(cidr -> cidr.contains(address));
    }

    /** The URL if it is http(s) with a host and no user info, else a 400 naming field {@code url}; no DNS lookup. */
    public static URI parse(String url) {
        URI uri;
        try {
            uri = URI.create(url == null ? "" : url.trim());
        } catch (IllegalArgumentException e) {
            throw ApiException.invalidField("url", "not a URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw ApiException.invalidField("url", "must be an http or https URL");
        }
        if (uri.getHost() == null || uri.getRawUserInfo() != null) {
            throw ApiException.invalidField("url", "needs a host and no user info");
        }
        return uri;
    }
}
