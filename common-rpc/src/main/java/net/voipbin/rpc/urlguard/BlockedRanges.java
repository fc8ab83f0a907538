package net.voipbin.rpc.urlguard;

import java.net.InetAddress;
import java.util.List;
import java.util.Optional;

/**
 * The ranges no customer URL may reach, each with the name its refusal gives. Beyond the platform's
 * own networks (loopback, private, link-local with the cloud metadata address, CGNAT, which clouds use
 * inside: Alibaba's metadata is 100.100.100.200), it blocks what no customer's server can legitimately
 * be on: unspecified, broadcast, multicast, reserved, documentation and benchmarking ranges. The IPv6
 * forms that carry an IPv4 address are judged by that address ({@link EmbeddedIpv4}).
 */
final class BlockedRanges {

    record Range(Cidr cidr, String name) {

        String describe() {
            return name + " (" + cidr + ")";
        }
    }

    private static final List<Range> RANGES = List.of(
            range("0.0.0.0/8", "unspecified"),
            range("10.0.0.0/8", "private"),
            range("100.64.0.0/10", "shared address space (CGNAT)"),
            range("127.0.0.0/8", "loopback"),
            range("169.254.0.0/16", "link-local"),
            range("172.16.0.0/12", "private"),
            range("192.0.0.0/24", "reserved for IETF protocol assignments"),
            range("192.0.2.0/24", "documentation"),
            range("192.168.0.0/16", "private"),
            range("198.18.0.0/15", "benchmarking"),
            range("198.51.100.0/24", "documentation"),
            range("203.0.113.0/24", "documentation"),
            range("224.0.0.0/4", "multicast"),
            range("255.255.255.255/32", "broadcast"),
            range("240.0.0.0/4", "reserved"),
            range("::/128", "unspecified"),
            range("::1/128", "loopback"),
            range("64:ff9b:1::/48", "local-use NAT64"),
            range("100::/64", "discard-only"),
            range("2001:2::/48", "benchmarking"),
            range("2001:db8::/32", "documentation"),
            range("3fff::/20", "documentation"),
            range("fc00::/7", "unique-local"),
            range("fe80::/10", "link-local"),
            range("fec0::/10", "site-local"),
            range("ff00::/8", "multicast"));

    private BlockedRanges() {
    }

    private static Range range(String cidr, String name) {
        return new Range(Cidr.parse(cidr), name);
    }

    static Optional<Range> of(InetAddress address) {
        byte[] bytes = address.getAddress();
        return RANGES.stream().filter(range -> range.cidr().contains(bytes)).findFirst();
    }
}
