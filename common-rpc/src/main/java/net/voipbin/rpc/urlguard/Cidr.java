package net.voipbin.rpc.urlguard;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.regex.Pattern;

/** An address block such as {@code 10.0.0.0/8} or {@code fc00::/7}; a bare address is a /32 or /128. */
public final class Cidr {

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9a-fA-F:.]*:[0-9a-fA-F:.]*");

    private final byte[] network;
    private final int prefix;

    private Cidr(byte[] network, int prefix) {
        this.network = network;
        this.prefix = prefix;
    }

    /** Throws {@link IllegalArgumentException} for anything but a literal address with an optional prefix. */
    public static Cidr parse(String text) {
        String[] parts = text.strip().split("/", 2);
        byte[] network = literal(parts[0]);
        int prefix;
        try {
            prefix = parts.length == 2 ? Integer.parseInt(parts[1].strip()) : network.length * 8;
        } catch (NumberFormatException e) {
            throw notACidr(text);
        }
        if (prefix < 0 || prefix > network.length * 8) {
            throw notACidr(text);
        }
        return new Cidr(network, prefix);
    }

    /** An IPv4 or IPv6 literal (so resolving it asks no DNS server). */
    static boolean isLiteral(String text) {
        return IPV4.matcher(text).matches() || IPV6.matcher(text).matches();
    }

    /**
     * The bytes of a literal address, never from DNS: a host name in a setting would otherwise be looked
     * up once at start and trusted for ever. An IPv6 literal stays 16 bytes even when it is IPv4-mapped,
     * which {@link InetAddress} would turn into 4.
     */
    private static byte[] literal(String text) {
        String bare = text.strip().replace("[", "").replace("]", "");
        boolean v6 = IPV6.matcher(bare).matches();
        if (!isLiteral(bare)) {
            throw notACidr(text);
        }
        try {
            InetAddress address = InetAddress.getByName(bare);
            return v6 && address instanceof Inet4Address ? mapped(address.getAddress()) : address.getAddress();
        } catch (UnknownHostException e) {
            throw notACidr(text);
        }
    }

    static byte[] mapped(byte[] ipv4) {
        byte[] bytes = new byte[16];
        bytes[10] = (byte) 0xff;
        bytes[11] = (byte) 0xff;
        System.arraycopy(ipv4, 0, bytes, 12, 4);
        return bytes;
    }

    private static IllegalArgumentException notACidr(String text) {
        return new IllegalArgumentException("'" + text + "' is not an address or CIDR block");
    }

    public boolean contains(InetAddress address) {
        return contains(address.getAddress());
    }

    boolean contains(byte[] bytes) {
        if (bytes.length != network.length) {
            return false;
        }
        int full = prefix / 8;
        for (int i = 0; i < full; i++) {
            if (bytes[i] != network[i]) {
                return false;
            }
        }
        int rest = prefix % 8;
        int mask = 0xFF << (8 - rest) & 0xFF;
        return rest == 0 || (bytes[full] & mask) == (network[full] & mask);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Cidr cidr && prefix == cidr.prefix && Arrays.equals(network, cidr.network);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(network) + prefix;
    }

    @Override
    public String toString() {
        return AddressText.of(network) + "/" + prefix;
    }
}
