package net.voipbin.testsupport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Forcibly closes broker connections, as a network blip would, restarts the broker, and holds a queue's
 * confirms back, as a slow disk would, with {@code rabbitmqctl} (the local broker's, or inside the
 * Testcontainers container).
 */
public final class BrokerControl {

    private BrokerControl() {
    }

    /** Closes every connection whose client-provided name starts with {@code namePrefix}; returns how many. */
    public static int closeConnections(String namePrefix) {
        List<String> pids = new ArrayList<>();
        // client_properties works on every broker version (user_provided_name needs 3.11+).
        String marker = "{\"connection_name\",\"" + namePrefix;
        for (String line : rabbitmqctl("-q", "list_connections", "--no-table-headers", "pid", "client_properties")
                .split("\n")) {
            int tab = line.indexOf('\t');
            if (tab > 0 && line.indexOf(marker, tab) > 0) {
                pids.add(line.substring(0, tab));
            }
        }
        for (String pid : pids) {
            rabbitmqctl("close_connection", pid, "closed by a test");
        }
        return pids.size();
    }

    /**
     * Stops the broker (its application; the node stays up) for {@code down}, as a restart would, then
     * starts it again and returns once it takes connections. Every client connection drops; durable queues
     * keep their persistent messages.
     */
    public static void restart(java.time.Duration down) {
        rabbitmqctl("stop_app");
        try {
            Thread.sleep(down.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            rabbitmqctl("start_app");
            rabbitmqctl("await_startup");
        }
    }

    /**
     * Suspends the process of the queue {@code queue} (vhost {@code /}): what is sent to it waits
     * unconfirmed, as behind a slow disk, until {@link #resumeQueue}. A suspended queue cannot be deleted.
     */
    public static void suspendQueue(String queue) {
        queueProcess(queue, "suspend");
    }

    public static void resumeQueue(String queue) {
        queueProcess(queue, "resume");
    }

    private static void queueProcess(String queue, String operation) {
        if (!queue.matches("[A-Za-z0-9._-]+")) {
            throw new IllegalArgumentException("queue name not usable in rabbitmqctl eval: " + queue);
        }
        rabbitmqctl("-q", "eval", "{ok, Q} = rabbit_amqqueue:lookup(rabbit_misc:r(<<\"/\">>, queue, <<\"" + queue
                + "\">>)), sys:" + operation + "(amqqueue:get_pid(Q)).");
    }

    private static String rabbitmqctl(String... args) {
        List<String> command = new ArrayList<>(TestInfra.rabbitmqctlPrefix());
        command.addAll(List.of(args));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("rabbitmqctl timed out: " + command);
            }
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (process.exitValue() != 0) {
                throw new IllegalStateException("rabbitmqctl failed: " + command + "\n" + output);
            }
            return output;
        } catch (IOException e) {
            throw new IllegalStateException("cannot run rabbitmqctl (needed to close broker connections): " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
