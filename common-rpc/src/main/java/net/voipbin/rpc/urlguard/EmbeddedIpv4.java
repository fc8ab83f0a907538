package net.voipbin.rpc.urlguard;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

/**
 * IPv6 forms that reach an IPv4 address: a gateway, a tunnel or the kernel itself delivers them to it,
 * so {@code 64:ff9b::a00:5} is as private as {@code 10.0.0.5}. Teredo carries two (its server, and the
 * client with its bits inverted); both are judged.
 */
final class EmbeddedIpv4 {

    record Embedded(String form, Inet4Address address) {
    }

    private record Form(Cidr range, String name, int offset, boolean inverted) {
    }

    private static final List<Form> FORMS = List.of(
            new Form(Cidr.parse("::ffff:0:0/96"), "IPv4-mapped", 12, false),
            new Form(Cidr.parse("::ffff:0:0:0/96"), "IPv4-translated", 12, false),
            new Form(Cidr.parse("::/96"), "IPv4-compatible", 12, false),
            new Form(Cidr.parse("64:ff9b::/96"), "NAT64", 12, false),
            new Form(Cidr.parse("2002::/16"), "6to4", 2, false),
            new Form(Cidr.parse("2001::/32"), "Teredo client", 12, true),
            new Form(Cidr.parse("2001::/32"), "Teredo server", 4, false));

    private EmbeddedIpv4() {
    }

    static List<Embedded> in(InetAddress address) {
        byte[] bytes = address.getAddress();
        List<Embedded> found = new ArrayList<>(2);
        for (Form form : FORMS) {
            if (form.range().contains(bytes)) {
                found.add(new Embedded(form.name(), extract(bytes, form)));
            }
        }
        return found;
    }

    private static Inet4Address extract(byte[] bytes, Form form) {
        byte[] v4 = new byte[4];
        for (int i = 0; i < 4; i++) {
            v4[i] = (byte) (form.inverted() ? ~bytes[form.offset() + i] : bytes[form.offset() + i]);
        }
        try {
            return (Inet4Address) InetAddress.getByAddress(v4);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("four bytes are always an IPv4 address", e);
        }
    }
}
