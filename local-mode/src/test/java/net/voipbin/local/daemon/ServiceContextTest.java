package net.voipbin.local.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

class ServiceContextTest {

    @Test
    void everyServiceReadsItsOwnApplicationYmlThoughTheyShareOneClassPath() throws IOException {
        Set<URL> seen = new HashSet<>();
        for (LocalService service : ServiceCatalog.services()) {
            URL own = ServiceContext.ownConfiguration(service.application());
            try (InputStream in = own.openStream()) {
                assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8))
                        .as("%s reads %s", service.name(), own).contains("name: " + service.name());
            }
            seen.add(own);
        }
        assertThat(seen).hasSameSizeAs(ServiceCatalog.services());
    }
}
