package net.voipbin.rpc.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

import net.voipbin.rpc.config.OperatorAccess;

/** scripts/mint-token.sh parses, and the services accept what it prints (decoded as RestAutoConfiguration does). */
class MintTokenScriptTest {

    private static final String FLEET_KEY = "mint-token-script-test-key-0123456789abcdef";
    private static final Path SCRIPT = script();

    @Test
    void theScriptParses() throws Exception {
        Result check = run(List.of("bash", "-n", SCRIPT.toString()), null);

        assertThat(check.exit()).as(check.stderr()).isZero();
    }

    @Test
    void aCustomerTokenItPrintsIsVerifiedWithTheFleetKeyAndNamesTheCustomer() throws Exception {
        UUID customer = UUID.randomUUID();

        Result minted = run(List.of("bash", SCRIPT.toString(), customer.toString(), "2"), FLEET_KEY);

        assertThat(minted.exit()).as(minted.stderr()).isZero();
        Jwt jwt = decoder(FLEET_KEY).decode(minted.stdout().strip());
        assertThat(jwt.getClaimAsString(JwtTokens.CUSTOMER_CLAIM)).isEqualTo(customer.toString());
        assertThat(jwt.getSubject()).isEqualTo(customer.toString());
        assertThat(jwt.getExpiresAt()).isBetween(Instant.now().plus(Duration.ofMinutes(110)), Instant.now().plus(Duration.ofHours(2)));
        assertThat(OperatorAccess.isOperator(jwt)).isFalse();
        assertThatThrownBy(() -> decoder("some-other-fleet-key-0123456789abcdef").decode(minted.stdout().strip()))
                .isInstanceOf(JwtException.class);
    }

    @Test
    void anOperatorTokenItPrintsCarriesTheOperatorRoleAndNoCustomer() throws Exception {
        Result minted = run(List.of("bash", SCRIPT.toString(), "--operator"), FLEET_KEY);

        assertThat(minted.exit()).as(minted.stderr()).isZero();
        Jwt jwt = decoder(FLEET_KEY).decode(minted.stdout().strip());
        assertThat(OperatorAccess.isOperator(jwt)).isTrue();
        assertThat(jwt.hasClaim(JwtTokens.CUSTOMER_CLAIM)).isFalse();
    }

    @Test
    void refusesAMissingOrShortKeyAndAMalformedCustomer() throws Exception {
        Result noKey = run(List.of("bash", SCRIPT.toString(), UUID.randomUUID().toString()), null);
        Result shortKey = run(List.of("bash", SCRIPT.toString(), "--operator"), "too-short");
        Result notUuid = run(List.of("bash", SCRIPT.toString(), "alice"), FLEET_KEY);

        assertThat(noKey.exit()).isNotZero();
        assertThat(noKey.stderr()).contains("set VOIPBIN_AUTH_JWT_SECRET");
        assertThat(shortKey.exit()).isNotZero();
        assertThat(shortKey.stderr()).contains("at least 32 bytes");
        assertThat(notUuid.exit()).isNotZero();
        assertThat(notUuid.stderr()).contains("not a customer UUID");
        assertThat(noKey.stdout() + shortKey.stdout() + notUuid.stdout()).isEmpty();
    }

    private static JwtDecoder decoder(String key) {
        return NimbusJwtDecoder.withSecretKey(JwtTokens.key(key)).macAlgorithm(MacAlgorithm.HS256).build();
    }

    private record Result(int exit, String stdout, String stderr) {
    }

    private static Result run(List<String> command, String fleetKey) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(new ArrayList<>(command));
        builder.environment().remove("VOIPBIN_AUTH_JWT_SECRET");
        if (fleetKey != null) {
            builder.environment().put("VOIPBIN_AUTH_JWT_SECRET", fleetKey);
        }
        Process process = builder.start();
        process.getOutputStream().close();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("timed out: " + command);
        }
        return new Result(process.exitValue(), new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8),
                new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    /** The repository's scripts/mint-token.sh, found from the module directory Maven runs the tests in. */
    private static Path script() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("scripts/mint-token.sh");
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("scripts/mint-token.sh not found above " + Path.of("").toAbsolutePath());
    }
}
