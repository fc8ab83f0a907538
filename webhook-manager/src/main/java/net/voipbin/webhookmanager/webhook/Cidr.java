package net.voipbin.webhookmanager.webhook;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** An address block such as {@code 127.0.0.0/8} or {@code fd00::/8}; a bare address is a /32 or /128. */
record Cidr(byte[] network, int prefix) {

    static Cidr parse(String text) {
        String[] parts = text.trim().split("/", 2);
        try {
            // Literal addresses only: getByName does not look a literal up in DNS.
            byte[] network = InetAddress.getByName(parts[0]).getAddress();
            int prefix = parts.length == 2 ? Integer.parseInt(parts[1]) : network.length * 8;
            if (prefix < 0 || prefix > network.length * 8) {
                throw new IllegalArgumentException("bad prefix in " + text);
            }
            return new Cidr(network, prefix);
        } catch (UnknownHostException | NumberFormatException e) {
            throw new IllegalArgumentException("not a CIDR: " + text, e);
        }
    }

    boolean contains(InetAddress address) {
        byte[] bytes = address.getAddress();
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
        if (rest == 0) {
            return true;
        }
        int mask = 0xFF << (8 - rest) & 0xFF;
        return (bytes[full] & mask) == (network[full] & mask);
    }
}
