package net.voipbin.webhookmanager.signing;

import java.util.List;
import java.util.UUID;

/** Where webhook secrets are kept in their stored form (the webhooks table), for {@link SecretReseal}. */
public interface StoredSecrets {

    /** One webhook's stored values; a row from before encryption holds them in clear, so no toString shows them. */
    record Row(UUID webhookId, String secret, String previousSecret) {

        @Override
        public String toString() {
            return "StoredSecrets.Row[webhookId=" + webhookId + "]";
        }
    }

    /** Up to {@code limit} rows after {@code after} (by id) with a value not under key {@code keyId}, deleted ones too. */
    List<Row> notUnderKey(String keyId, UUID after, int limit);

    /** Writes the new stored values unless the row changed meanwhile (a rotation); false then. */
    boolean replace(Row old, String secret, String previousSecret);
}
