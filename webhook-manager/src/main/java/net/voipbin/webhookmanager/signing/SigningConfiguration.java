package net.voipbin.webhookmanager.signing;

import java.security.SecureRandom;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SecretKeyProperties.class)
class SigningConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SigningConfiguration.class);

    @Bean
    SecretCipher secretCipher(SecretKeyProperties properties) {
        SecretKeyRing ring = SecretKeyRing.from(properties);
        if (ring.isDevelopment()) {
            // Local mode and the tests need no key; anywhere else this encryption protects nothing.
            log.warn("*** VOIPBIN_WEBHOOK_SECRET_KEY is not set: webhook secrets are encrypted with the PUBLIC "
                    + "development key, which protects nothing. Set it to the output of 'openssl rand -base64 32' "
                    + "in any real deployment (the rows are re-encrypted at the next start). ***");
        } else {
            log.info("webhook secrets are encrypted with key {}; keys that decrypt: {}", ring.currentId(), ring.ids());
        }
        return new SecretCipher(ring, new SecureRandom());
    }

    @Bean
    SecretReseal secretReseal(SecretCipher cipher, StoredSecrets store) {
        return new SecretReseal(cipher, store);
    }
}
