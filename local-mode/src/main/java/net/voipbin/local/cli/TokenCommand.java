package net.voipbin.local.cli;

import java.util.List;
import java.util.UUID;

import net.voipbin.local.home.LocalModeException;
import net.voipbin.local.home.LocalSettings;
import net.voipbin.rpc.auth.JwtTokens;
import net.voipbin.rpc.config.OperatorAccess;

/**
 * {@code ./voipbin token [CUSTOMER_ID | --operator]}: a bearer token signed with local mode's key (7 days):
 * a customer's, or an operator's (health details and metrics).
 */
public final class TokenCommand {

    private final LocalSettings settings;

    public TokenCommand(LocalSettings settings) {
        this.settings = settings;
    }

    public int run(List<String> args) {
        if (args.equals(List.of("--operator"))) {
            System.out.println(OperatorAccess.mint(settings.home().jwtSecret(), StartCommand.TOKEN_VALIDITY));
            return 0;
        }
        UUID customer;
        try {
            customer = args.isEmpty() ? settings.home().developmentCustomer() : UUID.fromString(args.getFirst());
        } catch (IllegalArgumentException e) {
            throw new LocalModeException("'" + args.getFirst() + "' is not a customer id (a UUID)");
        }
        System.out.println(JwtTokens.mint(settings.home().jwtSecret(), customer, StartCommand.TOKEN_VALIDITY));
        return 0;
    }
}
