package net.voipbin.webhookmanager.signing;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The AES-256 keys that encrypt webhook secrets, by id: the current one encrypts, every one decrypts.
 * An id is derived from its key (the first 4 bytes of a SHA-256 over it, in hex), so operators name no
 * ids and two instances with the same keys agree on them; the stored value names the id that sealed it.
 * The development key (id {@code dev}) is public: it is current when no key is configured, and always
 * decrypts, so rows written in development are re-encrypted once a real key is set.
 */
public final class SecretKeyRing {

    public static final String DEVELOPMENT_ID = "dev";
    private static final int KEY_BYTES = 32;
    private static final byte[] DEVELOPMENT_KEY = sha256(
            "voipbin public development key for webhook secrets: set VOIPBIN_WEBHOOK_SECRET_KEY".getBytes(StandardCharsets.UTF_8));

    private final String currentId;
    private final Map<String, SecretKey> keys;

    private SecretKeyRing(String currentId, Map<String, SecretKey> keys) {
        this.currentId = currentId;
        this.keys = Map.copyOf(keys);
    }

    /** The configured keys; with none, the development key is current. */
    public static SecretKeyRing from(SecretKeyProperties properties) {
        if (properties.secretKey().isEmpty() && !properties.previousSecretKeys().isEmpty()) {
            // Re-encrypting real keys' rows under a public key would undo the point of having them.
            throw new IllegalStateException("voipbin.webhook.previous-secret-keys is set but voipbin.webhook.secret-key "
                    + "(VOIPBIN_WEBHOOK_SECRET_KEY) is not: set the current key too");
        }
        Map<String, SecretKey> keys = new LinkedHashMap<>();
        String current = properties.secretKey().isEmpty() ? DEVELOPMENT_ID
                : add(keys, decode(properties.secretKey(), "voipbin.webhook.secret-key (VOIPBIN_WEBHOOK_SECRET_KEY)"));
        List<String> previous = properties.previousSecretKeys();
        for (int i = 0; i < previous.size(); i++) {
            add(keys, decode(previous.get(i), "voipbin.webhook.previous-secret-keys[" + i + "]"));
        }
        keys.put(DEVELOPMENT_ID, new SecretKeySpec(DEVELOPMENT_KEY, "AES"));
        return new SecretKeyRing(current, keys);
    }

    public String currentId() {
        return currentId;
    }

    SecretKey current() {
        return keys.get(currentId);
    }

    Optional<SecretKey> key(String id) {
        return Optional.ofNullable(keys.get(id));
    }

    public boolean isDevelopment() {
        return currentId.equals(DEVELOPMENT_ID);
    }

    /** The ids that decrypt (the current one first), for logs: never the keys. */
    public List<String> ids() {
        return keys.keySet().stream().sorted((a, b) -> a.equals(currentId) ? -1 : b.equals(currentId) ? 1 : 0).toList();
    }

    @Override
    public String toString() {
        return "SecretKeyRing[current=" + currentId + ", ids=" + ids() + "]";
    }

    /** An id for raw key bytes (the same one whichever instance computes it). */
    static String idOf(byte[] key) {
        byte[] label = "voipbin-webhook-secret-key-id:".getBytes(StandardCharsets.UTF_8);
        byte[] input = new byte[label.length + key.length];
        System.arraycopy(label, 0, input, 0, label.length);
        System.arraycopy(key, 0, input, label.length, key.length);
        return HexFormat.of().formatHex(sha256(input), 0, 4);
    }

    private static String add(Map<String, SecretKey> keys, byte[] key) {
        String id = idOf(key);
        keys.putIfAbsent(id, new SecretKeySpec(key, "AES"));
        return id;
    }

    /** The value is never part of a message: a misconfigured key must not end up in a log. */
    private static byte[] decode(String base64, String name) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(name + " is not base64 (generate one with: openssl rand -base64 32)");
        }
        if (key.length != KEY_BYTES) {
            throw new IllegalStateException(name + " must be the base64 of " + KEY_BYTES + " bytes, not " + key.length
                    + " (generate one with: openssl rand -base64 32)");
        }
        return key;
    }

    private static byte[] sha256(byte[] input) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(input);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }
}
