package net.voipbin.flowmanager.http;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;

import org.junit.jupiter.api.Test;

class UrlGuardTest {

    @Test
    void refusesUrlsThatReachThePlatformsOwnNetwork() {
        UrlGuard guard = new UrlGuard(false);

        for (String url : new String[] {"http://127.0.0.1:8080/x", "http://localhost/x", "http://10.1.2.3/",
                "http://192.168.0.1/", "http://169.254.169.254/latest/meta-data", "http://[::1]/", "http://[fd00::1]/"}) {
            assertThatThrownBy(() -> guard.check(URI.create(url))).as(url)
                    .isInstanceOf(CustomerHttp.CustomerHttpException.class).hasMessageContaining("private");
        }
        assertThatThrownBy(() -> guard.check(URI.create("file:///etc/passwd")))
                .isInstanceOf(CustomerHttp.CustomerHttpException.class);
    }

    @Test
    void allowsPublicAddressesAndEverythingWhenConfigured() {
        assertThatCode(() -> new UrlGuard(false).check(URI.create("https://93.184.215.14/ivr"))).doesNotThrowAnyException();
        assertThatCode(() -> new UrlGuard(true).check(URI.create("http://127.0.0.1:9/ivr"))).doesNotThrowAnyException();
    }
}
