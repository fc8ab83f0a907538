package net.voipbin.webhookmanager.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import net.voipbin.rpc.error.ApiException;

class SsrfGuardTest {

    private final SsrfGuard byDefault = new SsrfGuard(List.of());

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1/hook", "http://10.0.0.1/hook", "http://169.254.169.254/latest/meta-data",
            "http://localhost:8080/x", "http://192.168.1.10/", "http://172.16.0.1/", "http://[::1]/",
            "http://[fd00:ec2::254]/", "http://100.100.100.200/", "http://0.0.0.0/", "http://[::ffff:127.0.0.1]/"})
    void refusesInternalAddressesByDefault(String url) {
        assertThatThrownBy(() -> byDefault.check(url))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.field()).isEqualTo("url");
                });
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://8.8.8.8/x", "file:///etc/passwd", "not a url", "http://user:pw@8.8.8.8/", "http:///x"})
    void refusesWhatIsNotAPlainHttpUrl(String url) {
        assertThatThrownBy(() -> byDefault.check(url)).isInstanceOf(ApiException.class);
    }

    @Test
    void acceptsPublicAddresses() {
        assertThat(byDefault.check("https://8.8.8.8/hook").getHost()).isEqualTo("8.8.8.8");
    }

    @Test
    void theAllowListOpensOnlyTheNetworksItNames() {
        SsrfGuard local = new SsrfGuard(List.of("127.0.0.0/8"));

        assertThat(local.check("http://127.0.0.1:9000/hook").getPort()).isEqualTo(9000);
        assertThatThrownBy(() -> local.check("http://10.0.0.1/")).isInstanceOf(ApiException.class);
        assertThatThrownBy(() -> local.check("http://169.254.169.254/")).isInstanceOf(ApiException.class);
    }
}
