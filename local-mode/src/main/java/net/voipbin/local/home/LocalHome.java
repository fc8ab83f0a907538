package net.voipbin.local.home;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Local mode's state directory ({@code .voipbin/} in the checkout): the PostgreSQL data directory, the
 * logs, the running process's pid, the fleet's JWT key and the development customer. A restart keeps
 * all of it; {@code ./voipbin stop} removes only the pid.
 */
public record LocalHome(Path dir) {

    /** Bumped when what local mode writes here changes in a way an older checkout cannot read. */
    public static final int LAYOUT_VERSION = 1;

    public LocalHome {
        dir = dir.toAbsolutePath().normalize();
    }

    public Path logs() {
        return dir.resolve("logs");
    }

    public Path log(String component) {
        return logs().resolve(component + ".log");
    }

    public Path pgData() {
        return dir.resolve("pgdata");
    }

    public Path pidFile() {
        return dir.resolve("local-mode.pid");
    }

    public Path brokerWork() {
        return dir.resolve("broker");
    }

    private Path layoutFile() {
        return dir.resolve("LAYOUT_VERSION");
    }

    /**
     * Creates the directory on first use; refuses one written by an incompatible local mode with what
     * to do about it.
     */
    public void prepare() {
        try {
            Files.createDirectories(logs());
            if (Files.exists(layoutFile())) {
                String found = Files.readString(layoutFile()).trim();
                if (!found.equals(Integer.toString(LAYOUT_VERSION))) {
                    throw new LocalModeException("the state directory " + dir + " was written by local mode layout "
                            + found + "; this version reads layout " + LAYOUT_VERSION
                            + ". Move it away (or delete it to start empty) and run ./voipbin start again.");
                }
            } else {
                Files.writeString(layoutFile(), LAYOUT_VERSION + "\n");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare " + dir, e);
        }
    }

    /** The pid of the running local mode, if its pid file names a live process. */
    public Optional<ProcessHandle> running() {
        try {
            if (!Files.exists(pidFile())) {
                return Optional.empty();
            }
            long pid = Long.parseLong(Files.readString(pidFile()).trim());
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** The fleet's HS256 key: the environment's, else one made on first start and kept here (0600). */
    public String jwtSecret() {
        String configured = System.getenv("VOIPBIN_AUTH_JWT_SECRET");
        if (configured != null && !configured.isBlank()) {
            return configured;
        }
        return kept("jwt-secret", () -> {
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            return HexFormat.of().formatHex(key);
        });
    }

    /** The development customer that {@code start} prints a token for. */
    public UUID developmentCustomer() {
        return UUID.fromString(kept("development-customer", () -> UUID.randomUUID().toString()));
    }

    private String kept(String name, Supplier<String> fresh) {
        Path file = dir.resolve(name);
        try {
            if (Files.exists(file)) {
                return Files.readString(file).trim();
            }
            Files.createDirectories(dir);
            String value = fresh.get();
            Files.writeString(file, value + "\n", StandardCharsets.UTF_8);
            // Not on a POSIX file system (Windows): the directory's own permissions guard it.
            if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            }
            return value;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep " + file, e);
        }
    }
}
