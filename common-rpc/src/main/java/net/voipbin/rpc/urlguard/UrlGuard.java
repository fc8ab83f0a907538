package net.voipbin.rpc.urlguard;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import net.voipbin.rpc.error.ApiException;

/**
 * The fleet's one guard for URLs called on a customer's behalf (webhooks, flow fetch and webhook_send,
 * AI tool endpoints and runners). A host is resolved once, here; every address it resolves to must be
 * public unless an allowed network covers it, and the HTTP clients connect only to the addresses this
 * returned ({@link GuardedDnsResolver}), so a DNS answer that changes between check and connection
 * (rebinding) cannot slip an inside address in. Redirects are never followed by those clients, so a
 * public endpoint cannot bounce a request inward either.
 */
public final class UrlGuard {

    /** What {@code voipbin.flow.allow-private-urls=true} always meant: no address is refused. */
    public static final List<String> EVERY_NETWORK = List.of("0.0.0.0/0", "::/0");

    private final List<Cidr> allowed;
    private final HostResolver resolver;

    public UrlGuard(Collection<String> allowedNetworks) {
        this(allowedNetworks, HostResolver.SYSTEM);
    }

    public UrlGuard(Collection<String> allowedNetworks, HostResolver resolver) {
        this(parse(allowedNetworks), resolver);
    }

    private UrlGuard(List<Cidr> allowed, HostResolver resolver) {
        this.allowed = List.copyOf(allowed);
        this.resolver = resolver;
    }

    private static List<Cidr> parse(Collection<String> networks) {
        return networks.stream().filter(text -> text != null && !text.isBlank()).map(Cidr::parse).toList();
    }

    /** This guard with more networks allowed: how a service's older switch adds to the fleet's setting. */
    public UrlGuard allowing(Collection<String> moreNetworks) {
        List<Cidr> union = new ArrayList<>(allowed);
        parse(moreNetworks).stream().filter(cidr -> !union.contains(cidr)).forEach(union::add);
        return new UrlGuard(union, resolver);
    }

    public List<Cidr> allowedNetworks() {
        return allowed;
    }

    /** The URL, resolved and checked; a refusal names {@code field} in a 400 (for requests that store or start something). */
    public URI validate(String field, String url, UrlKind kind) {
        try {
            URI uri = parse(url, kind);
            resolve(uri.getHost());
            return uri;
        } catch (UrlRefusedException e) {
            throw ApiException.invalidField(field, e.getMessage());
        }
    }

    /** The URL if it has a scheme of {@code kind}, a host and no user info; no DNS lookup. */
    public static URI parse(String url, UrlKind kind) throws UrlRefusedException {
        URI uri;
        try {
            uri = URI.create(url == null ? "" : url.strip());
        } catch (IllegalArgumentException e) {
            throw new UrlRefusedException("not a URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!kind.accepts(scheme)) {
            throw new UrlRefusedException(kind.rule());
        }
        if (uri.getHost() == null || uri.getRawUserInfo() != null) {
            throw new UrlRefusedException("needs a host and no user info");
        }
        return uri;
    }

    /**
     * Every address {@code host} resolves to, in the resolver's order, once all have passed: the one
     * lookup whose answer a client may connect to. Refused when any address is blocked (a name that
     * also resolves inward is not a customer's server) or when the name does not resolve.
     */
    public InetAddress[] resolve(String host) throws UrlRefusedException {
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(bare);
        } catch (UnknownHostException e) {
            throw new UrlRefusedException("host " + bare + " does not resolve");
        }
        if (addresses == null || addresses.length == 0) {
            throw new UrlRefusedException("host " + bare + " does not resolve");
        }
        for (InetAddress address : addresses) {
            Optional<String> why = why(address);
            if (why.isPresent()) {
                String text = AddressText.of(address);
                throw new UrlRefusedException(Cidr.isLiteral(bare) ? "address " + text + " " + why.get()
                        : "host " + bare + " resolves to " + text + ", which " + why.get());
            }
        }
        return addresses;
    }

    /** Why {@code address} is refused ("is private (10.0.0.0/8)"), or empty when it may be connected to. */
    public Optional<String> refusal(InetAddress address) {
        return why(address).map(why -> "address " + AddressText.of(address) + " " + why);
    }

    private Optional<String> why(InetAddress address) {
        if (allowed.stream().anyMatch(cidr -> cidr.contains(address))) {
            return Optional.empty();
        }
        Optional<BlockedRanges.Range> range = BlockedRanges.of(address);
        if (range.isPresent()) {
            return Optional.of("is " + range.get().describe());
        }
        for (EmbeddedIpv4.Embedded embedded : EmbeddedIpv4.in(address)) {
            Optional<String> inner = why(embedded.address());
            if (inner.isPresent()) {
                return Optional.of("embeds " + AddressText.of(embedded.address()) + " (" + embedded.form() + "), which "
                        + inner.get());
            }
        }
        return Optional.empty();
    }
}
