package net.voipbin.asterisksim;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the simulator as a process. Options as {@code --key=value} or environment variables
 * ({@code ASTERISK_SIM_<KEY>}): port (default 8088, 0 = any), host (127.0.0.1), user/password
 * (asterisk/asterisk), asterisk-id, time-scale (1.0). Prints {@code asterisk-sim listening on <url>}
 * once ready, which a launcher can wait for.
 */
public final class SimMain {

    private SimMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", "asterisk-sim-logback.xml");
        }
        Map<String, String> options = options(args);
        SimConfig defaults = SimConfig.defaults();
        SimConfig config = new SimConfig(
                option(options, "host", defaults.host()),
                Integer.parseInt(option(options, "port", "8088")),
                option(options, "user", defaults.user()),
                option(options, "password", defaults.password()),
                option(options, "app", defaults.app()),
                option(options, "asterisk-id", defaults.asteriskId()),
                Double.parseDouble(option(options, "time-scale", "1.0")),
                defaults.mediaLengths(), defaults.defaultMediaLength(), defaults.originateDelay());
        AsteriskSim sim = AsteriskSim.start(config);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            sim.close();
            stopped.countDown();
        }, "asterisk-sim-shutdown"));
        System.out.println("asterisk-sim listening on " + sim.baseUrl());
        System.out.flush();
        stopped.await();
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (String arg : args) {
            if (arg.startsWith("--") && arg.contains("=")) {
                options.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
            }
        }
        return options;
    }

    private static String option(Map<String, String> options, String key, String fallback) {
        String env = System.getenv("ASTERISK_SIM_" + key.toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
        return options.getOrDefault(key, env != null ? env : fallback);
    }
}
