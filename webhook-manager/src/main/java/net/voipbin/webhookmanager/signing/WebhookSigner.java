package net.voipbin.webhookmanager.signing;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.List;
import java.util.StringJoiner;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import net.voipbin.rpc.signature.VoipbinSignature;

/**
 * The two signature schemes over the exact bytes sent. With several secrets (a rotation's grace
 * period) each header carries one signature per secret, newest first: {@code X-VoIPBIN-Signature:
 * sha256=<hex>, sha256=<hex>} and {@code webhook-signature: v1,<b64> v1,<b64>}.
 */
public final class WebhookSigner {

    private WebhookSigner() {
    }

    public record Signatures(String voipbin, String standard) {
    }

    public static Signatures sign(List<WebhookSecret> secrets, String messageId, long timestamp, byte[] body) {
        StringJoiner voipbin = new StringJoiner(", ");
        StringJoiner standard = new StringJoiner(" ");
        for (WebhookSecret secret : secrets) {
            voipbin.add(voipbinSignature(secret, body));
            standard.add(standardSignature(secret, messageId, timestamp, body));
        }
        return new Signatures(voipbin.toString(), standard.toString());
    }

    /** {@code sha256=<hex HMAC-SHA256(body) keyed with the secret string>}. */
    public static String voipbinSignature(WebhookSecret secret, byte[] body) {
        return VoipbinSignature.of(secret.value(), body);
    }

    /** {@code v1,<base64 HMAC-SHA256("id.timestamp.body") keyed with the decoded secret>}. */
    public static String standardSignature(WebhookSecret secret, String messageId, long timestamp, byte[] body) {
        byte[] prefix = (messageId + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8);
        byte[] signed = new byte[prefix.length + body.length];
        System.arraycopy(prefix, 0, signed, 0, prefix.length);
        System.arraycopy(body, 0, signed, prefix.length, body.length);
        return "v1," + Base64.getEncoder().encodeToString(hmac(secret.standardKey(), signed));
    }

    private static byte[] hmac(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
