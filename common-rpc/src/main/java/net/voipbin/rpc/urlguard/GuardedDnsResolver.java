package net.voipbin.rpc.urlguard;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;

import org.apache.hc.client5.http.DnsResolver;

/**
 * Apache HttpClient 5's name resolution through the guard: the connection operator asks this once per
 * new connection and connects to exactly the addresses it answers, all of them checked. A refusal is an
 * {@link UrlRefusedException}, thrown out of {@code execute} before any socket is opened.
 */
public final class GuardedDnsResolver implements DnsResolver {

    private final UrlGuard guard;

    public GuardedDnsResolver(UrlGuard guard) {
        this.guard = guard;
    }

    @Override
    public InetAddress[] resolve(String host) throws UnknownHostException {
        return guard.resolve(host);
    }

    /** Overridden so that no future default can hand the operator an unresolved name to look up itself. */
    @Override
    public List<InetSocketAddress> resolve(String host, int port) throws UnknownHostException {
        return Arrays.stream(guard.resolve(host)).map(address -> new InetSocketAddress(address, port)).toList();
    }

    /** Only for Kerberos/SPNEGO, which these clients never use; answering the name as given avoids a lookup. */
    @Override
    public String resolveCanonicalHostname(String host) {
        return host;
    }
}
