package net.voipbin.webhookmanager.signing;

import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;

/**
 * At start, before any delivery is attempted: every stored secret not under the current key (in clear
 * from before encryption, or under a previous key) is re-encrypted under it. So a key rotation is a
 * restart with the new key current and the old one among the previous keys; once every instance has
 * restarted, the old key can go. A secret no configured key decrypts stops the start, naming the key
 * ids it needs: a wrong key must not surface later as deliveries that cannot be signed.
 */
public final class SecretReseal implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(SecretReseal.class);
    private static final int BATCH = 500;

    private final SecretCipher cipher;
    private final StoredSecrets store;

    public SecretReseal(SecretCipher cipher, StoredSecrets store) {
        this.cipher = cipher;
        this.store = store;
    }

    @Override
    public void afterSingletonsInstantiated() {
        run();
    }

    /** Re-encrypts what needs it; returns how many webhooks' rows were rewritten. */
    public int run() {
        String current = cipher.ring().currentId();
        Map<String, Integer> unreadable = new TreeMap<>();
        String example = null;
        int resealed = 0;
        UUID after = new UUID(0, 0);
        int found;
        do {
            var rows = store.notUnderKey(current, after, BATCH);
            found = rows.size();
            for (StoredSecrets.Row row : rows) {
                try {
                    String secret = reseal(row.webhookId(), row.secret());
                    String previous = row.previousSecret() == null ? null : reseal(row.webhookId(), row.previousSecret());
                    resealed += store.replace(row, secret, previous) ? 1 : 0;
                } catch (SecretKeyException e) {
                    unreadable.merge(e.keyId() == null ? "(no key id)" : e.keyId(), 1, Integer::sum);
                    example = example == null ? e.getMessage() : example;
                }
                after = row.webhookId();
            }
        } while (found == BATCH);
        if (!unreadable.isEmpty()) {
            throw new IllegalStateException("no configured key decrypts the secrets of " + unreadable.values().stream()
                    .mapToInt(Integer::intValue).sum() + " webhook(s), by key id: " + unreadable + ". Configured: "
                    + cipher.ring().ids() + ". For example: " + example);
        }
        if (resealed > 0) {
            log.info("re-encrypted the secrets of {} webhook(s) under key {}", resealed, current);
        }
        return resealed;
    }

    private String reseal(UUID webhookId, String stored) {
        return cipher.isCurrent(stored) ? stored : cipher.seal(webhookId, cipher.open(webhookId, stored));
    }
}
