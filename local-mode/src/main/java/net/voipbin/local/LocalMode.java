package net.voipbin.local;

import java.util.Arrays;
import java.util.List;

import net.voipbin.local.cli.CallCommand;
import net.voipbin.local.cli.DemoCommand;
import net.voipbin.local.cli.LogsCommand;
import net.voipbin.local.cli.StartCommand;
import net.voipbin.local.cli.StatusCommand;
import net.voipbin.local.cli.StopCommand;
import net.voipbin.local.cli.TokenCommand;
import net.voipbin.local.daemon.FleetDaemon;
import net.voipbin.local.home.LocalModeException;
import net.voipbin.local.home.LocalSettings;

/**
 * {@code ./voipbin <command>}: local mode's commands, and ({@code daemon}) the background process that
 * {@code start} launches.
 */
public final class LocalMode {

    static final String USAGE = """
            usage: ./voipbin <command>
              start                      start the fleet in the background and wait until every part is healthy
              status                     every part with its URL and state
              stop                       stop everything local mode started
              logs SERVICE [-f]          a part's log (fleet: every part's lines); -f follows it
              token [CUSTOMER_ID]        a bearer token (default: the development customer)
              token --operator           an operator token: health details and metrics
              call NUMBER [--from CALLER] [--press DIGITS] [--hangup-after SECONDS]
                                         a caller dials NUMBER on the simulator; prints the call's events
              demo                       an IVR flow and a number through the REST API, then a call to it
            environment: VOIPBIN_LOCAL_DIR (state, default .voipbin), VOIPBIN_LOCAL_PORT_BASE (default 8080),
              VOIPBIN_DB_URL / VOIPBIN_DB_USER / VOIPBIN_DB_PASSWORD and VOIPBIN_AMQP_URL (your own servers)
            """;

    private LocalMode() {
    }

    public static void main(String[] args) throws InterruptedException {
        String command = args.length == 0 ? "help" : args[0];
        List<String> rest = Arrays.asList(args).subList(Math.min(1, args.length), args.length);
        int code;
        try {
            LocalSettings settings = LocalSettings.from(System.getenv());
            if (command.equals("daemon")) {
                daemonLogging(settings);
                FleetDaemon.run(settings);
                return;
            }
            System.setProperty("logback.configurationFile", "local-mode/logback-cli.xml");
            code = switch (command) {
                case "start" -> new StartCommand(settings).run();
                case "status" -> new StatusCommand(settings).run();
                case "stop" -> new StopCommand(settings).run();
                case "logs" -> new LogsCommand(settings).run(rest);
                case "token" -> new TokenCommand(settings).run(rest);
                case "call" -> new CallCommand(settings).run(rest);
                case "demo" -> new DemoCommand(settings).run(rest);
                case "help", "-h", "--help" -> {
                    System.out.print(USAGE);
                    yield 0;
                }
                default -> {
                    System.err.print("voipbin: unknown command '" + command + "'\n" + USAGE);
                    yield 2;
                }
            };
        } catch (LocalModeException e) {
            System.err.println("voipbin: " + e.getMessage());
            code = 1;
        }
        System.exit(code);
    }

    /**
     * Before the first logger: every service context shares one Logback, configured once here (Spring
     * Boot's own logging system would reset it at each context's start).
     */
    private static void daemonLogging(LocalSettings settings) {
        System.setProperty("org.springframework.boot.logging.LoggingSystem", "none");
        System.setProperty("logback.configurationFile", "local-mode/logback-daemon.xml");
        System.setProperty("voipbin.local.logs", settings.home().logs().toString());
    }
}
