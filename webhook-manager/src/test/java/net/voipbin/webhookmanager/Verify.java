package net.voipbin.webhookmanager;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A receiver's own signature check, written from the documentation and independent of the service's
 * signer: what a customer would write.
 */
public final class Verify {

    private Verify() {
    }

    /** X-VoIPBIN-Signature: one {@code sha256=<hex>} per valid secret, keyed with the secret string as shown. */
    public static boolean voipbin(String header, byte[] body, String secret) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String expected = "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
        for (String candidate : header.split(",")) {
            if (candidate.trim().equals(expected)) {
                return true;
            }
        }
        return false;
    }

    /** Standard Webhooks: {@code v1,<base64>} entries separated by spaces, over "id.timestamp.body". */
    public static boolean standard(String id, String timestamp, String header, byte[] body, String secret) throws Exception {
        byte[] key = Base64.getDecoder().decode(secret.substring("whsec_".length()));
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        mac.update((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
        String expected = Base64.getEncoder().encodeToString(mac.doFinal(body));
        for (String candidate : header.split(" ")) {
            String[] parts = candidate.split(",", 2);
            if (parts.length == 2 && parts[0].equals("v1") && parts[1].equals(expected)) {
                return true;
            }
        }
        return false;
    }
}
