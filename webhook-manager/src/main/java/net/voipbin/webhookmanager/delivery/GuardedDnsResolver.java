package net.voipbin.webhookmanager.delivery;

import java.net.InetAddress;
import java.net.UnknownHostException;

import org.apache.hc.client5.http.DnsResolver;

import net.voipbin.rpc.error.ApiException;
import net.voipbin.webhookmanager.webhook.SsrfGuard;

/** The delivery client's name resolution: only addresses the SSRF guard lets through are ever connected to. */
final class GuardedDnsResolver implements DnsResolver {

    /** The guard refused the host; the attempt was not sent. */
    static final class Refused extends UnknownHostException {
        Refused(String message) {
            super(message);
        }
    }

    private final SsrfGuard guard;

    GuardedDnsResolver(SsrfGuard guard) {
        this.guard = guard;
    }

    @Override
    public InetAddress[] resolve(String host) throws UnknownHostException {
        try {
            return guard.resolve(host);
        } catch (ApiException e) {
            throw new Refused(e.getMessage());
        }
    }

    @Override
    public String resolveCanonicalHostname(String host) throws UnknownHostException {
        return resolve(host)[0].getCanonicalHostName();
    }
}
