package net.voipbin.rpc.auth;

import java.time.Duration;
import java.util.UUID;

/**
 * Operator tool: prints a customer token. Usage:
 * {@code VOIPBIN_AUTH_JWT_SECRET=... java -cp <service jar> -Dloader.main=net.voipbin.rpc.auth.MintToken
 * org.springframework.boot.loader.launch.PropertiesLauncher <customer-uuid> [validity-hours]}
 * (or {@code scripts/mint-token.sh}, which needs only openssl).
 */
public final class MintToken {

    private MintToken() {
    }

    public static void main(String[] args) {
        if (args.length < 1) {
            System.err.println("usage: MintToken <customer-uuid> [validity-hours]");
            System.exit(2);
        }
        Duration validity = Duration.ofHours(args.length > 1 ? Long.parseLong(args[1]) : 24);
        System.out.println(JwtTokens.mint(System.getenv("VOIPBIN_AUTH_JWT_SECRET"), UUID.fromString(args[0]), validity));
    }
}
