package net.voipbin.queuemanager.support;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

import net.voipbin.testsupport.TestInfra;

/**
 * The real agent-manager, as a separate process from its built jar (a copy, so a rebuild during the run does
 * not pull it away), on the tests' PostgreSQL (a schema of its own) and namespace. One per JVM; its output goes
 * to {@code target/agent-manager-it.log}.
 */
public final class AgentManagerProcess {

    private static AgentManagerProcess instance;

    private final Process process;
    private final int port;

    private AgentManagerProcess(String namespace) throws IOException {
        Path jar = Path.of("../agent-manager/target/agent-manager-0.1.0-SNAPSHOT-exec.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException("build agent-manager first: " + jar.toAbsolutePath());
        }
        Path copy = Files.createTempFile("agent-manager-it", ".jar");
        copy.toFile().deleteOnExit();
        Files.copy(jar, copy, StandardCopyOption.REPLACE_EXISTING);
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        var db = TestInfra.postgres();
        String schema = TestInfra.uniqueSchema("agent-manager");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m", "-jar", copy.toString(),
                "--server.port=" + port,
                "--spring.datasource.url=" + db.jdbcUrl(),
                "--spring.datasource.username=" + db.user(),
                "--spring.datasource.password=" + db.password(),
                "--spring.datasource.hikari.schema=" + schema,
                "--spring.flyway.schemas=" + schema,
                "--spring.rabbitmq.addresses=" + TestInfra.rabbit().uri(),
                "--voipbin.amqp.namespace=" + namespace,
                "--voipbin.auth.jwt-secret=" + TestInfra.JWT_SECRET,
                "--voipbin.agent-manager.deadline-sweep=200ms"));
        process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(new File("target/agent-manager-it.log")).start();
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroy, "stop-agent-manager"));
    }

    public static synchronized AgentManagerProcess start(String namespace) {
        if (instance == null) {
            try {
                instance = new AgentManagerProcess(namespace);
            } catch (IOException e) {
                throw new IllegalStateException("agent-manager did not start", e);
            }
        }
        return instance;
    }

    public String api(String path) {
        return "http://127.0.0.1:" + port + "/v1.0" + path;
    }

    public boolean alive() {
        return process.isAlive();
    }
}
