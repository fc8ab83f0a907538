package net.voipbin.webhookmanager.signing;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.UUID;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * Webhook secrets as stored: {@code v1:<key id>:<base64 of a 96-bit random nonce and the AES-256-GCM
 * ciphertext with its tag>}. The webhook's id is authenticated with it (GCM's associated data), so a
 * stored value copied onto another webhook does not decrypt. A value in clear ({@code whsec_...}, written
 * before secrets were encrypted) is still read as it is; {@link SecretReseal} encrypts it at start.
 */
public final class SecretCipher {

    static final String VERSION = "v1";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeyRing ring;
    private final SecureRandom random;

    public SecretCipher(SecretKeyRing ring, SecureRandom random) {
        this.ring = ring;
        this.random = random;
    }

    /** The stored form of a webhook's secret, under the current key. */
    public String seal(UUID webhookId, WebhookSecret secret) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, ring.current(), nonce, webhookId);
            byte[] sealed = cipher.doFinal(secret.value().getBytes(StandardCharsets.UTF_8));
            byte[] stored = ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array();
            return VERSION + ":" + ring.currentId() + ":" + Base64.getEncoder().encodeToString(stored);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot encrypt the secret of webhook " + webhookId, e);
        }
    }

    /**
     * The secret a stored value holds. Throws {@link SecretKeyException} naming the webhook and the key id
     * (never the value) when no configured key decrypts it.
     */
    public WebhookSecret open(UUID webhookId, String stored) {
        if (stored.startsWith(WebhookSecret.PREFIX)) {
            return new WebhookSecret(stored);
        }
        String[] parts = stored.split(":", 3);
        if (parts.length != 3 || !parts[0].equals(VERSION)) {
            throw new SecretKeyException("the stored secret of webhook " + webhookId + " is in no known format");
        }
        String keyId = parts[1];
        SecretKey key = ring.key(keyId).orElseThrow(() -> new SecretKeyException(keyId, "the secret of webhook "
                + webhookId + " is encrypted with key " + keyId + ", which is not configured (configured: " + ring.ids()
                + "); set it as voipbin.webhook.secret-key or add it to voipbin.webhook.previous-secret-keys"));
        try {
            ByteBuffer data = ByteBuffer.wrap(Base64.getDecoder().decode(parts[2]));
            byte[] nonce = new byte[NONCE_BYTES];
            data.get(nonce);
            byte[] sealed = new byte[data.remaining()];
            data.get(sealed);
            byte[] clear = cipher(Cipher.DECRYPT_MODE, key, nonce, webhookId).doFinal(sealed);
            return new WebhookSecret(new String(clear, StandardCharsets.UTF_8));
        } catch (AEADBadTagException e) {
            throw new SecretKeyException(keyId, "the secret of webhook " + webhookId + " does not decrypt with key "
                    + keyId + ": the value was altered or belongs to another webhook");
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new SecretKeyException(keyId, "the stored secret of webhook " + webhookId + " is damaged ("
                    + e.getClass().getSimpleName() + ")");
        }
    }

    /** Whether a stored value is already under the current key (else {@link SecretReseal} re-encrypts it). */
    public boolean isCurrent(String stored) {
        return stored.startsWith(VERSION + ":" + ring.currentId() + ":");
    }

    public SecretKeyRing ring() {
        return ring;
    }

    private static Cipher cipher(int mode, SecretKey key, byte[] nonce, UUID webhookId) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD(ByteBuffer.allocate(16).putLong(webhookId.getMostSignificantBits())
                .putLong(webhookId.getLeastSignificantBits()).array());
        return cipher;
    }
}
