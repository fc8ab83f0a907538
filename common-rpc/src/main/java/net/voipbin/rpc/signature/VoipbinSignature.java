package net.voipbin.rpc.signature;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The documented signature of every request the fleet sends to a customer URL (webhooks, flow fetch and
 * webhook_send, AI tool endpoints): {@code X-VoIPBIN-Signature: sha256=<hex HMAC-SHA256 of the raw body,
 * keyed with the secret string>}. One implementation, so the three senders can never drift apart.
 */
public final class VoipbinSignature {

    public static final String HEADER = "X-VoIPBIN-Signature";

    private VoipbinSignature() {
    }

    /** {@code sha256=<hex>} of exactly {@code body}, the bytes sent. */
    public static String of(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
