package net.voipbin.local.cli;

import java.time.Duration;
import java.util.List;

import net.voipbin.local.home.LocalModeException;

/**
 * {@code call NUMBER [--from CALLER] [--press DIGITS] [--hangup-after SECONDS] [--timeout SECONDS]}.
 *
 * @param press       pressed when the flow waits for digits (again every 2 s until it moves on), or null
 * @param hangupAfter the caller hangs up this long after dialling, or null to let the flow end the call
 * @param timeout     how long to wait for the call to end before the caller hangs up and the command fails
 */
record CallOptions(String number, String from, String press, Duration hangupAfter, Duration timeout) {

    static final String DEFAULT_CALLER = "+15550001111";
    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(120);

    static CallOptions parse(List<String> args) {
        String number = null;
        String from = DEFAULT_CALLER;
        String press = null;
        Duration hangupAfter = null;
        Duration timeout = DEFAULT_TIMEOUT;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            switch (arg) {
                case "--from" -> from = value(args, ++i, arg);
                case "--press" -> press = digits(value(args, ++i, arg));
                case "--hangup-after" -> hangupAfter = seconds(value(args, ++i, arg), arg);
                case "--timeout" -> timeout = seconds(value(args, ++i, arg), arg);
                default -> {
                    if (arg.startsWith("-") || number != null) {
                        throw usage("unexpected '" + arg + "'");
                    }
                    number = arg;
                }
            }
        }
        if (number == null || number.isBlank()) {
            throw usage("NUMBER is required");
        }
        return new CallOptions(number, from, press, hangupAfter, timeout);
    }

    private static String value(List<String> args, int index, String option) {
        if (index >= args.size()) {
            throw usage(option + " needs a value");
        }
        return args.get(index);
    }

    private static String digits(String value) {
        if (!value.matches("[0-9*#A-D]+")) {
            throw usage("--press takes DTMF digits (0-9, *, #, A-D), not '" + value + "'");
        }
        return value;
    }

    private static Duration seconds(String value, String option) {
        try {
            double seconds = Double.parseDouble(value);
            if (seconds <= 0) {
                throw new NumberFormatException();
            }
            return Duration.ofMillis(Math.round(seconds * 1000));
        } catch (NumberFormatException e) {
            throw usage(option + " takes a positive number of seconds, not '" + value + "'");
        }
    }

    private static LocalModeException usage(String problem) {
        return new LocalModeException(problem + ". usage: ./voipbin call NUMBER [--from CALLER] [--press DIGITS]"
                + " [--hangup-after SECONDS] [--timeout SECONDS]");
    }
}
