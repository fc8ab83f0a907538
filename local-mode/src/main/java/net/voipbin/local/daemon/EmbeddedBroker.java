package net.voipbin.local.daemon;

import java.net.URL;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.apache.qpid.server.SystemLauncher;

import net.voipbin.local.home.LocalModeException;

/**
 * Apache Qpid Broker-J in this JVM: an AMQP 0-9-1 broker on a loopback port, user guest/guest. It keeps
 * messages in memory (local mode stops as a whole; what must survive a restart lives in PostgreSQL). It
 * has no direct reply-to, so the services run with {@code voipbin.rpc.reply-mode=queue}.
 */
final class EmbeddedBroker implements AutoCloseable {

    private static final String CONFIG = "local-mode/qpid-config.json";

    private final SystemLauncher launcher;
    private final int port;

    private EmbeddedBroker(SystemLauncher launcher, int port) {
        this.launcher = launcher;
        this.port = port;
    }

    static EmbeddedBroker start(Path workDir, int port) {
        URL config = EmbeddedBroker.class.getClassLoader().getResource(CONFIG);
        Map<String, Object> attributes = new HashMap<>();
        attributes.put("type", "Memory");
        attributes.put("initialConfigurationLocation", config.toExternalForm());
        attributes.put("startupLoggedToSystemOut", false);
        attributes.put("context", Map.of(
                "qpid.amqp_port", Integer.toString(port),
                "qpid.work_dir", workDir.toString(),
                "broker.name", "voipbin-local"));
        // Qpid reads its defaults from classpath: URLs, a protocol its own handler serves.
        org.apache.qpid.server.util.urlstreamhandler.classpath.Handler.register();
        SystemLauncher launcher = new SystemLauncher();
        try {
            launcher.startup(attributes);
            return new EmbeddedBroker(launcher, port);
        } catch (Exception e) {
            launcher.shutdown();
            throw new LocalModeException("the AMQP broker (Qpid Broker-J) did not start on port " + port + ": "
                    + e.getMessage(), e);
        }
    }

    String amqpUrl() {
        return "amqp://guest:guest@127.0.0.1:" + port;
    }

    @Override
    public void close() {
        launcher.shutdown();
    }
}
