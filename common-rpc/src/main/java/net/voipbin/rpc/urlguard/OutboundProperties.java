package net.voipbin.rpc.urlguard;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code voipbin.outbound.*} ({@code VOIPBIN_OUTBOUND_ALLOWED_NETWORKS}): the networks a customer URL may
 * reach although the guard would refuse them, as addresses or CIDR blocks ({@code 127.0.0.0/8,::1/128}
 * in tests and local mode). Empty by default: only public addresses.
 */
@ConfigurationProperties("voipbin.outbound")
public record OutboundProperties(@DefaultValue List<String> allowedNetworks) {

    public OutboundProperties {
        allowedNetworks = List.copyOf(allowedNetworks);
    }

    public UrlGuard guard() {
        return new UrlGuard(allowedNetworks);
    }
}
