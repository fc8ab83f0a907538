package net.voipbin.webhookmanager.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class SecretResealTest {

    private final SecretCipher before = SecretCipherTest.cipher(SecretCipherTest.KEY_1);
    private final SecretCipher after = SecretCipherTest.cipher(SecretCipherTest.KEY_2, SecretCipherTest.KEY_1);
    private final FakeStore store = new FakeStore();

    @Test
    void reencryptsClearAndPreviousKeySecretsUnderTheCurrentKeyAndLeavesCurrentOnesAlone() {
        UUID clear = store.add(secret().value(), null);
        UUID underOldKey = store.add(null, null);
        WebhookSecret current = secret();
        WebhookSecret previous = secret();
        store.rows.put(underOldKey, new StoredSecrets.Row(underOldKey, before.seal(underOldKey, current),
                before.seal(underOldKey, previous)));
        UUID alreadyCurrent = store.add(null, null);
        String untouched = after.seal(alreadyCurrent, current);
        store.rows.put(alreadyCurrent, new StoredSecrets.Row(alreadyCurrent, untouched, null));
        WebhookSecret clearSecret = after.open(clear, store.rows.get(clear).secret());

        int resealed = new SecretReseal(after, store).run();

        assertThat(resealed).isEqualTo(2);
        assertThat(store.rows.values()).allSatisfy(row -> assertThat(after.isCurrent(row.secret())).isTrue());
        assertThat(after.open(clear, store.rows.get(clear).secret())).isEqualTo(clearSecret);
        StoredSecrets.Row rotated = store.rows.get(underOldKey);
        assertThat(after.open(underOldKey, rotated.secret())).isEqualTo(current);
        assertThat(after.open(underOldKey, rotated.previousSecret())).isEqualTo(previous);
        assertThat(store.rows.get(alreadyCurrent).secret()).isEqualTo(untouched);
        assertThat(new SecretReseal(after, store).run()).isZero();
    }

    @Test
    void secretsNoConfiguredKeyDecryptsStopTheStartNamingTheKeyIds() {
        UUID lost = store.add(null, null);
        store.rows.put(lost, new StoredSecrets.Row(lost, before.seal(lost, secret()), null));
        SecretCipher wrongKey = SecretCipherTest.cipher(SecretCipherTest.key(3));

        assertThatThrownBy(() -> new SecretReseal(wrongKey, store).run())
                .hasMessageContaining("secrets of 1 webhook(s), by key id: {" + before.ring().currentId() + "=1}")
                .hasMessageContaining(lost.toString());
    }

    private static WebhookSecret secret() {
        return WebhookSecret.generate(new SecureRandom());
    }

    /** The webhooks table's stored values, ordered by id as PostgreSQL orders uuids (unsigned bytes). */
    private static final class FakeStore implements StoredSecrets {

        final Map<UUID, Row> rows = new TreeMap<>(Comparator.comparing(UUID::toString));

        UUID add(String secret, String previous) {
            UUID id = UUID.randomUUID();
            rows.put(id, new Row(id, secret, previous));
            return id;
        }

        @Override
        public List<Row> notUnderKey(String keyId, UUID after, int limit) {
            String sealed = "v1:" + keyId + ":";
            List<Row> found = new ArrayList<>();
            for (Row row : rows.values()) {
                boolean stale = !row.secret().startsWith(sealed)
                        || (row.previousSecret() != null && !row.previousSecret().startsWith(sealed));
                if (row.webhookId().toString().compareTo(after.toString()) > 0 && stale && found.size() < limit) {
                    found.add(row);
                }
            }
            return found;
        }

        @Override
        public boolean replace(Row old, String secret, String previousSecret) {
            return rows.replace(old.webhookId(), old, new Row(old.webhookId(), secret, previousSecret));
        }
    }
}
