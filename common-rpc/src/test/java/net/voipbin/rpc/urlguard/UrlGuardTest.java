package net.voipbin.rpc.urlguard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import net.voipbin.rpc.error.ApiException;

class UrlGuardTest {

    private final UrlGuard byDefault = new UrlGuard(List.of());

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(delimiter = '|', textBlock = """
            127.0.0.1                            | is loopback (127.0.0.0/8)
            127.255.255.254                      | is loopback (127.0.0.0/8)
            10.0.0.5                             | is private (10.0.0.0/8)
            172.16.0.1                           | is private (172.16.0.0/12)
            172.31.255.255                       | is private (172.16.0.0/12)
            192.168.1.1                          | is private (192.168.0.0/16)
            169.254.169.254                      | is link-local (169.254.0.0/16)
            169.254.0.1                          | is link-local (169.254.0.0/16)
            100.64.0.1                           | is shared address space (CGNAT) (100.64.0.0/10)
            100.100.100.200                      | is shared address space (CGNAT) (100.64.0.0/10)
            100.127.255.255                      | is shared address space (CGNAT) (100.64.0.0/10)
            0.0.0.0                              | is unspecified (0.0.0.0/8)
            224.0.0.1                            | is multicast (224.0.0.0/4)
            239.255.255.250                      | is multicast (224.0.0.0/4)
            255.255.255.255                      | is broadcast (255.255.255.255/32)
            240.0.0.1                            | is reserved (240.0.0.0/4)
            192.0.0.192                          | is reserved for IETF protocol assignments (192.0.0.0/24)
            192.0.2.10                           | is documentation (192.0.2.0/24)
            198.51.100.10                        | is documentation (198.51.100.0/24)
            203.0.113.10                         | is documentation (203.0.113.0/24)
            198.18.0.1                           | is benchmarking (198.18.0.0/15)
            ::                                   | is unspecified (::/128)
            ::1                                  | is loopback (::1/128)
            fe80::1                              | is link-local (fe80::/10)
            fec0::1                              | is site-local (fec0::/10)
            fc00::1                              | is unique-local (fc00::/7)
            fd00:ec2::254                        | is unique-local (fc00::/7)
            ff02::1                              | is multicast (ff00::/8)
            2001:db8::1                          | is documentation (2001:db8::/32)
            2001:2::1                            | is benchmarking (2001:2::/48)
            100::1                               | is discard-only (100::/64)
            64:ff9b:1::a00:5                     | is local-use NAT64 (64:ff9b:1::/48)
            64:ff9b::a00:5                       | embeds 10.0.0.5 (NAT64), which is private (10.0.0.0/8)
            64:ff9b::a9fe:a9fe                   | embeds 169.254.169.254 (NAT64), which is link-local (169.254.0.0/16)
            64:ff9b::6440:1                      | embeds 100.64.0.1 (NAT64), which is shared address space (CGNAT) (100.64.0.0/10)
            ::a00:5                              | embeds 10.0.0.5 (IPv4-compatible), which is private (10.0.0.0/8)
            ::7f00:1                             | embeds 127.0.0.1 (IPv4-compatible), which is loopback (127.0.0.0/8)
            ::ffff:0:c0a8:101                    | embeds 192.168.1.1 (IPv4-translated), which is private (192.168.0.0/16)
            2002:a00:5::1                        | embeds 10.0.0.5 (6to4), which is private (10.0.0.0/8)
            2002:a9fe:a9fe::                     | embeds 169.254.169.254 (6to4), which is link-local (169.254.0.0/16)
            2001:0:4136:e378:8000:63bf:f5ff:fffa | embeds 10.0.0.5 (Teredo client), which is private (10.0.0.0/8)
            2001:0:a00:5:8000:63bf:a247:28f1     | embeds 10.0.0.5 (Teredo server), which is private (10.0.0.0/8)
            """)
    void everyBlockedFormIsRefusedNamingItsRule(String address, String rule) {
        assertThatThrownBy(() -> byDefault.resolve(address))
                .isInstanceOf(UrlRefusedException.class)
                .hasMessage("address " + address + " " + rule);
    }

    @ParameterizedTest
    @ValueSource(strings = {"93.184.215.14", "8.8.8.8", "172.32.0.1", "100.128.0.1", "192.169.0.1", "2606:4700:4700::1111",
            "64:ff9b::5db8:d70e", "2002:5db8:d70e::1", "2001:0:4136:e378:8000:63bf:a247:28f1"})
    void publicAddressesAndIpv6FormsEmbeddingAPublicOnePass(String address) throws Exception {
        assertThat(byDefault.resolve(address)).hasSize(1);
    }

    @Test
    void anIpv4MappedAddressKeptAsIpv6IsJudgedByItsIpv4() throws Exception {
        byte[] mapped = Cidr.mapped(new byte[] {10, 0, 0, 5});
        assertThat(byDefault.refusal(Inet6Address.getByAddress(null, mapped, -1)))
                .contains("address ::ffff:a00:5 embeds 10.0.0.5 (IPv4-mapped), which is private (10.0.0.0/8)");
        // Java turns the literal into IPv4 on its own; the rule is the same either way.
        assertThatThrownBy(() -> byDefault.resolve("[::ffff:10.0.0.5]")).hasMessage("address 10.0.0.5 is private (10.0.0.0/8)");
    }

    @Test
    void theAllowedNetworksLetExactlyThoseNetworksThrough() throws Exception {
        UrlGuard guard = new UrlGuard(List.of("10.0.0.0/24", " ", "fd00:ec2::254"));

        assertThat(guard.resolve("10.0.0.5")).hasSize(1);
        assertThat(guard.resolve("fd00:ec2::254")).hasSize(1);
        assertThat(guard.resolve("64:ff9b::a00:5")).as("its embedded IPv4 is allowed").hasSize(1);
        assertThatThrownBy(() -> guard.resolve("10.0.1.5")).hasMessage("address 10.0.1.5 is private (10.0.0.0/8)");
        assertThatThrownBy(() -> guard.resolve("127.0.0.1")).hasMessageContaining("loopback");
        assertThatThrownBy(() -> guard.resolve("169.254.169.254")).hasMessageContaining("link-local");
    }

    @Test
    void allowingAddsToTheNetworksAlreadyAllowed() throws Exception {
        UrlGuard guard = new UrlGuard(List.of("10.0.0.0/8")).allowing(List.of("127.0.0.0/8", "10.0.0.0/8"));

        assertThat(guard.allowedNetworks()).extracting(Cidr::toString).containsExactly("10.0.0.0/8", "127.0.0.0/8");
        assertThat(guard.resolve("127.0.0.1")).hasSize(1);
        assertThat(new UrlGuard(UrlGuard.EVERY_NETWORK).resolve("169.254.169.254")).hasSize(1);
    }

    @Test
    void aNameIsRefusedWhenAnyOfItsAddressesIsBlockedAndTheMessageNamesBoth() throws Exception {
        HostResolver dns = host -> new InetAddress[] {
                InetAddress.getByName("93.184.215.14"), InetAddress.getByName("10.0.0.5")};
        UrlGuard guard = new UrlGuard(List.of(), dns);

        assertThatThrownBy(() -> guard.resolve("evil.example"))
                .hasMessage("host evil.example resolves to 10.0.0.5, which is private (10.0.0.0/8)");
        UrlGuard noAnswer = new UrlGuard(List.of(), host -> new InetAddress[0]);
        assertThatThrownBy(() -> noAnswer.resolve("nowhere.example")).hasMessage("host nowhere.example does not resolve");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            ftp://8.8.8.8/x         | must be an http or https URL
            file:///etc/passwd      | must be an http or https URL
            not a url               | not a URL
            http://user:pw@8.8.8.8/ | needs a host and no user info
            http:///x               | needs a host and no user info
            """)
    void onlyPlainHttpUrlsAreAcceptedAsHttp(String url, String rule) {
        assertThatThrownBy(() -> UrlGuard.parse(url, UrlKind.HTTP)).isInstanceOf(UrlRefusedException.class).hasMessage(rule);
    }

    @Test
    void validateAnswersA400NamingTheFieldAndTheRule() {
        assertThatThrownBy(() -> byDefault.validate("runner_url", "ws://10.0.0.5:8765/ws", UrlKind.WEBSOCKET))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.field()).isEqualTo("runner_url");
                    assertThat(e.getMessage()).isEqualTo("runner_url: address 10.0.0.5 is private (10.0.0.0/8)");
                });
        assertThatThrownBy(() -> byDefault.validate("runner_url", "https://8.8.8.8/", UrlKind.WEBSOCKET))
                .hasMessage("runner_url: must be a ws or wss URL");
        assertThat(byDefault.validate("url", "https://8.8.8.8:8443/hook", UrlKind.HTTP).getPort()).isEqualTo(8443);
        assertThat(byDefault.validate("url", "http://[2606:4700:4700::1111]/", UrlKind.HTTP).getHost()).startsWith("[");
    }

    @ParameterizedTest
    @ValueSource(strings = {"localhost", "example.com/8", "10.0.0.0/33", "::/129", "10.0.0/8", "10.0.0.0/x", ""})
    void anAllowedNetworkMustBeALiteralBlockSoNoSettingIsLookedUpInDns(String text) {
        assertThatThrownBy(() -> new UrlGuard(List.of("8.8.8.8/32", text.isEmpty() ? "/" : text)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("is not an address or CIDR block");
    }

    @ParameterizedTest
    @CsvSource({"0:0:0:0:0:0:0:1,::1", "0:0:0:0:0:0:0:0,::", "2001:db8:0:0:1:0:0:1,2001:db8::1:0:0:1",
            "fd00:ec2:0:0:0:0:0:254,fd00:ec2::254", "1:0:1:0:1:0:1:0,1:0:1:0:1:0:1:0"})
    void ipv6AddressesAreWrittenTheShortWay(String full, String shortForm) throws Exception {
        assertThat(AddressText.of(InetAddress.getByName(full))).isEqualTo(shortForm);
    }
}
